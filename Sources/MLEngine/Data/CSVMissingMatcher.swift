/// Decides whether a (trimmed) field is one of the missing-value markers, comparing bytes.
struct CSVMissingMatcher: Sendable {
    private let markers: [[UInt8]]
    /// Bit `n` set when a marker is `n` bytes long (bit 63: 63 bytes or more).
    let lengthBits: UInt64
    /// Whether some marker is itself a number (then a field must be checked against
    /// the markers before it is parsed as a number).
    let mayMatchNumbers: Bool

    /// Markers are trimmed of surrounding spaces and tabs, like the values they match.
    init(markers: Set<String>) {
        var bytes = Set<[UInt8]>()
        for marker in markers {
            let trimmed = Array(marker.utf8).withUnsafeBufferPointer { Array(CSVText.trimmed($0)) }
            bytes.insert(trimmed)
        }
        self.markers = bytes.sorted { $0.lexicographicallyPrecedes($1) }
        lengthBits = bytes.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
        mayMatchNumbers = bytes.contains { $0.withUnsafeBufferPointer { CSVNumberParser.parse($0) != nil } }
    }

    /// Whether `field` (already trimmed) marks a missing value.
    @inline(__always)
    func isMissing(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = field.count
        if lengthBits & (1 << UInt64(min(count, 63))) == 0 { return false }
        return matches(field)
    }

    private func matches(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = field.count
        guard let base = field.baseAddress else { return markers.contains { $0.isEmpty } }
        for marker in markers where marker.count == count {
            let equal = marker.withUnsafeBufferPointer { markerBytes in
                markerBytes.baseAddress.map { CSVByteKey.equal($0, base, count) } ?? true
            }
            if equal { return true }
        }
        return false
    }
}

/// Byte-level text helpers for CSV fields.
enum CSVText {
    /// `bytes` without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return bytes }
        if base[0] > CSVScanner.space && base[bytes.count - 1] > CSVScanner.space { return bytes }
        var start = 0
        var end = bytes.count
        while start < end, base[start] == CSVScanner.space || base[start] == CSVScanner.tab { start += 1 }
        while end > start, base[end - 1] == CSVScanner.space || base[end - 1] == CSVScanner.tab { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// Whether `bytes` are valid UTF-8 (fast path for ASCII).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// `bytes` as text for an error message: invalid UTF-8 replaced, long values cut.
    static func quotedForMessage(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.count > 40 {
            text = String(text.prefix(40)) + "…"
        }
        var escaped = ""
        for character in text {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"\(escaped)\""
    }
}
