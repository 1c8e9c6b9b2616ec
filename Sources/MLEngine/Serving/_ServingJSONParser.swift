/// The parser behind ``ServingJSON``: a cursor over the bytes.
struct _ServingJSONParser {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    @inline(__always) var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func fail(_ message: String) -> ServingJSONError { ServingJSONError(message, offset: position) }

    mutating func value(depth: Int) throws(ServingJSONError) -> ServingValue {
        guard let byte = current else { throw fail("expected a value, found the end of the body") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N"): try literal("NaN"); return .number(.nan)
        case UInt8(ascii: "I"): try literal("Infinity"); return .number(.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("expected a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(ServingJSONError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw fail("expected \(word)") }
        let start = word.utf8Start
        for index in 0..<count where bytes[position + index] != start[index] { throw fail("expected \(word)") }
        position += count
    }

    mutating func object(depth: Int) throws(ServingJSONError) -> ServingValue {
        guard depth <= ServingJSON.maximumDepth else { throw fail("nested deeper than \(ServingJSON.maximumDepth) levels") }
        position += 1
        var object = ServingObject()
        skipSpace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw fail("expected `:` after a member name") }
            position += 1
            skipSpace()
            let member = try value(depth: depth)
            object.keys.append(key)
            object.values.append(member)
            skipSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(object)
            default: throw fail("expected `,` or `}` in an object")
            }
        }
    }

    mutating func array(depth: Int) throws(ServingJSONError) -> ServingValue {
        guard depth <= ServingJSON.maximumDepth else { throw fail("nested deeper than \(ServingJSON.maximumDepth) levels") }
        position += 1
        var elements: [ServingValue] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipSpace()
            elements.append(try value(depth: depth))
            skipSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw fail("expected `,` or `]` in an array")
            }
        }
    }
}
