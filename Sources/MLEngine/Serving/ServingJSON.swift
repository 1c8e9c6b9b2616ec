/// A small, fast JSON parser for request bodies (RFC 8259, plus `NaN`, `Infinity` and
/// `-Infinity` as Python writes them).
///
/// ```swift
/// let value = try ServingJSON.parse(Array(#"{"rows": [{"age": 25}]}"#.utf8))
/// ```
/// Nesting deeper than ``maximumDepth`` is rejected rather than recursed into.
public enum ServingJSON {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 64

    /// Parses one JSON document; only whitespace may follow it.
    /// - Throws: ``ServingJSONError`` naming the byte where the text stops being JSON.
    public static func parse(_ bytes: [UInt8]) throws(ServingJSONError) -> ServingValue {
        try bytes.withUnsafeBufferPointer { buffer throws(ServingJSONError) in
            try parse(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Parses one JSON document from raw bytes.
    /// - Throws: ``ServingJSONError`` as ``parse(_:)-([UInt8])``.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(ServingJSONError) -> ServingValue {
        var parser = _ServingJSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.position == bytes.count else { throw ServingJSONError("unexpected text after the value", offset: parser.position) }
        return value
    }
}
