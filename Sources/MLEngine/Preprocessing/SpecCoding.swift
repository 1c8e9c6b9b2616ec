/// A coding key for any string, so that spec decoding can reject unknown keys.
struct SpecKey: CodingKey, Sendable {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ stringValue: String) {
        self.stringValue = stringValue
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}

/// Helpers that decode preprocessing specs strictly and with plain-language messages.
enum SpecCoding {
    /// A `DecodingError` whose description is `message`.
    static func corrupted(_ message: String, _ decoder: any Decoder) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
    }

    /// The keyed container of `decoder` after checking it holds only `allowed` keys.
    static func container(
        _ decoder: any Decoder, allowed: [String], in what: String
    ) throws -> KeyedDecodingContainer<SpecKey> {
        let container = try decoder.container(keyedBy: SpecKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        if let key = unknown.first {
            throw corrupted("unknown key `\(key)` in \(what); use \(list(allowed))", decoder)
        }
        return container
    }

    /// Runs `body`, turning a ``ModelError`` into a `DecodingError` with the same message.
    static func converting<Value>(_ decoder: any Decoder, _ body: () throws(ModelError) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw corrupted(error.message, decoder)
        }
    }

    /// A value written as a plain name, made by `make`.
    static func named<Value>(_ decoder: any Decoder, _ make: (String) throws(ModelError) -> Value) throws -> Value {
        let name = try decoder.singleValueContainer().decode(String.self)
        return try converting(decoder) { () throws(ModelError) in try make(name) }
    }

    /// The string of a value written either as a plain name or as `{constant: value}`:
    /// `(name, nil)` or `("constant", container)`.
    static func nameOrConstant(_ decoder: any Decoder, in what: String) throws -> (String, KeyedDecodingContainer<SpecKey>?) {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            return (name, nil)
        }
        let container = try container(decoder, allowed: ["constant"], in: what)
        guard container.contains(SpecKey("constant")) else {
            throw corrupted("\(what) is a name such as `most_frequent` or {constant: value}", decoder)
        }
        return ("constant", container)
    }

    /// `a, b or c`.
    static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }
}
