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
///
/// The buffer may be a window on a longer source (`isFinal == false`): a scan that
/// needs bytes past its end stops with an error and sets ``incomplete``, and the
/// caller retries with a longer window.
struct CSVScanner {
    static var quote: UInt8 { 0x22 }
    static var lineFeed: UInt8 { 0x0A }
    static var carriageReturn: UInt8 { 0x0D }
    static var space: UInt8 { 0x20 }
    static var tab: UInt8 { 0x09 }

    let buffer: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let columnCount: Int
    /// Whether the buffer ends where the data ends.
    let isFinal: Bool
    /// Set when a scan stopped because it needed bytes past a non-final buffer.
    private(set) var incomplete = false
    private var scratch: [UInt8] = []

    init(buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, columnCount: Int, isFinal: Bool = true) {
        self.buffer = buffer
        self.delimiter = delimiter
        self.columnCount = columnCount
        self.isFinal = isFinal
    }

    /// Marks the scan incomplete and returns the error that stops it.
    mutating func needMore() -> DataError {
        incomplete = true
        return DataError(file: "", message: "internal error: a record runs past the bytes read")
    }

    /// Scans the records that start before `limit`, beginning at `position` (which
    /// must be a record start), and returns the position after the last one.
    mutating func scan<Sink: CSVRecordSink>(
        from position: CSVPosition, limit: Int, into sink: inout Sink
    ) throws(DataError) -> CSVPosition {
        guard let base = buffer.baseAddress else { return position }
        let end = buffer.count
        var offset = position.offset
        var line = position.line
        while offset < limit && sink.wantsMoreRecords {
            let first = base[offset]
            if first == Self.lineFeed || first == Self.carriageReturn {
                offset = try lineBreakEnd(base, offset, end)
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
                        let content = UnsafeBufferPointer(start: base + field.content.lowerBound, count: field.content.count)
                        if field.escaped {
                            scratch.removeAll(keepingCapacity: true)
                            Self.unescape(content) { scratch.append($0) }
                            let unescaped = scratch
                            try unescaped.withUnsafeBufferPointer { (bytes) throws(DataError) in
                                try sink.field(column: column, bytes: bytes, quoted: true, line: field.openLine)
                            }
                        } else {
                            try sink.field(column: column, bytes: content, quoted: true, line: field.openLine)
                        }
                    }
                    offset = field.after
                } else {
                    let cursor = Self.fieldEnd(base, from: offset, end: end, delimiter: delimiter)
                    if cursor >= end && !isFinal { throw needMore() }
                    if column < columnCount {
                        try sink.field(
                            column: column, bytes: UnsafeBufferPointer(start: base + offset, count: cursor - offset),
                            quoted: false, line: line)
                    }
                    offset = cursor
                }
                column += 1
                if offset >= end {
                    if !isFinal { throw needMore() }
                    break
                }
                if base[offset] == delimiter {
                    offset += 1
                    continue
                }
                offset = try lineBreakEnd(base, offset, end)
                line += 1
                break
            }
            try sink.endRecord(fieldCount: column, line: recordLine, start: recordStart)
        }
        return CSVPosition(offset: offset, line: line)
    }

    /// The offset after the line break (LF, CR or CRLF) at `offset`; needs more
    /// bytes when a CR is the last byte of a non-final buffer.
    @inline(__always)
    mutating func lineBreakEnd(_ base: UnsafePointer<UInt8>, _ offset: Int, _ end: Int) throws(DataError) -> Int {
        let next = offset &+ 1
        if base[offset] == Self.carriageReturn {
            if next >= end {
                if !isFinal { throw needMore() }
                return next
            }
            if base[next] == Self.lineFeed { return next &+ 1 }
        }
        return next
    }

    /// The offset of the first delimiter or line break at or after `start` (or `end`).
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, from start: Int, end: Int, delimiter: UInt8) -> Int {
        var cursor = start
        while cursor < end {
            let byte = base[cursor]
            if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
            cursor += 1
        }
        return cursor
    }
}
