/// Receives the fields and records that ``CSVScanner`` finds.
protocol CSVRecordSink {
    /// Whether to scan another record (checked before each record).
    var wantsMoreRecords: Bool { get }
    /// One field of the current record. `bytes` are the field's text with quotes
    /// removed and `""` unescaped; unquoted fields are not trimmed yet.
    mutating func field(column: Int, bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, line: Int) throws(DataError)
    /// The end of a record that had `fieldCount` fields and started on `line` at
    /// byte offset `start`.
    mutating func endRecord(fieldCount: Int, line: Int, start: Int) throws(DataError)
}

/// A place in a CSV buffer: a byte offset and the 1-based physical line there.
struct CSVPosition: Sendable, Equatable {
    var offset: Int
    var line: Int
}

/// Finds field and record boundaries in CSV bytes (RFC 4180, with CRLF, LF or CR
/// line ends) in one pass, handing each field to a ``CSVRecordSink``.
///
/// Blank lines between records are skipped. Fields past `columnCount` are counted
/// but not delivered. Errors carry an empty `file`; the reader fills it in.
struct CSVScanner {
    static var quote: UInt8 { 0x22 }
    static var lineFeed: UInt8 { 0x0A }
    static var carriageReturn: UInt8 { 0x0D }
    static var space: UInt8 { 0x20 }
    static var tab: UInt8 { 0x09 }

    static var ones: UInt64 { 0x0101_0101_0101_0101 }
    static var lineFeedWord: UInt64 { 0x0A0A_0A0A_0A0A_0A0A }
    static var carriageReturnWord: UInt64 { 0x0D0D_0D0D_0D0D_0D0D }

    /// A word with the high bit set in (at least) the lowest byte of `word` that is
    /// zero; bytes above the first zero byte may be flagged spuriously, so only the
    /// lowest flag is meaningful.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & 0x8080_8080_8080_8080
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let columnCount: Int
    private var scratch: [UInt8] = []


    init(buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, columnCount: Int) {
        self.buffer = buffer
        self.delimiter = delimiter
        self.columnCount = columnCount
    }

    /// Scans the records that start before `limit`, beginning at `position` (which
    /// must be a record start), and returns the position after the last one.
    mutating func scan<Sink: CSVRecordSink>(
        from position: CSVPosition, limit: Int, into sink: inout Sink
    ) throws(DataError) -> CSVPosition {
        guard let base = buffer.baseAddress else { return position }
        let end = buffer.count
        let delimiter = self.delimiter
        var offset = position.offset
        var line = position.line
        while offset < limit && sink.wantsMoreRecords {
            let first = base[offset]
            if first == Self.lineFeed || first == Self.carriageReturn {
                offset = Self.skipLineBreak(base, offset, end)
                line += 1
                continue
            }
            let recordLine = line
            let recordStart = offset
            var column = 0
            while true {
                if offset < end && base[offset] == Self.quote {
                    let field = try quotedField(base: base, end: end, from: offset, line: &line)
                    if column < columnCount {
                        if field.escaped {
                            scratch.removeAll(keepingCapacity: true)
                            Self.unescape(UnsafeBufferPointer(start: base + field.content.lowerBound, count: field.content.count)) {
                                scratch.append($0)
                            }
                            let unescaped = scratch
                            try unescaped.withUnsafeBufferPointer { (bytes) throws(DataError) in
                                try sink.field(column: column, bytes: bytes, quoted: true, line: field.openLine)
                            }
                        } else {
                            try sink.field(
                                column: column, bytes: UnsafeBufferPointer(start: base + field.content.lowerBound, count: field.content.count),
                                quoted: true, line: field.openLine)
                        }
                    }
                    offset = field.after
                } else {
                    let cursor = Self.fieldEnd(base, from: offset, end: end, delimiter: delimiter)
                    if column < columnCount {
                        try sink.field(
                            column: column, bytes: UnsafeBufferPointer(start: base + offset, count: cursor - offset),
                            quoted: false, line: line)
                    }
                    offset = cursor
                }
                column += 1
                if offset >= end { break }
                if base[offset] == delimiter {
                    offset += 1
                    continue
                }
                offset = Self.skipLineBreak(base, offset, end)
                line += 1
                break
            }
            try sink.endRecord(fieldCount: column, line: recordLine, start: recordStart)
        }
        return CSVPosition(offset: offset, line: line)
    }

    /// The offset after the line break (LF, CR or CRLF) at `offset`.
    @inline(__always)
    static func skipLineBreak(_ base: UnsafePointer<UInt8>, _ offset: Int, _ end: Int) -> Int {
        let next = offset &+ 1
        if base[offset] == carriageReturn && next < end && base[next] == lineFeed { return next &+ 1 }
        return next
    }

    /// The offset of the first delimiter or line break at or after `start` (or `end`),
    /// looking at eight bytes at a time.
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, from start: Int, end: Int, delimiter: UInt8) -> Int {
        var cursor = start
        let delimiterWord = UInt64(delimiter) &* ones
        while cursor &+ 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(word ^ delimiterWord) | zeroBytes(word ^ lineFeedWord) | zeroBytes(word ^ carriageReturnWord)
            if found != 0 { return cursor &+ found.trailingZeroBitCount >> 3 }
            cursor &+= 8
        }
        while cursor < end {
            let byte = base[cursor]
            if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
            cursor += 1
        }
        return cursor
    }
}
