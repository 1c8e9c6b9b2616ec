/// Reads and checks the header record of a CSV buffer.
enum CSVHeader {
    /// The column names and where the first data record starts.
    ///
    /// Skips a UTF-8 byte order mark and blank lines before the header. Errors:
    /// empty file, invalid UTF-8, empty or duplicate names, no data rows.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8) throws(DataError) -> (names: [String], dataStart: CSVPosition) {
        var start = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            start = 3
        }
        guard !onlyLineBreaks(buffer, from: start) else {
            throw DataError(file: "", message: "the file is empty")
        }
        var scanner = CSVScanner(buffer: buffer, delimiter: delimiter, columnCount: Int.max)
        var sink = HeaderSink()
        let dataStart = try scanner.scan(from: CSVPosition(offset: start, line: 1), limit: buffer.count, into: &sink)
        let names = sink.names
        var seen = [String: Int]()
        for (index, name) in names.enumerated() {
            guard !name.isEmpty else {
                throw DataError(file: "", line: sink.line, message: "column \(index + 1) has an empty name in the header")
            }
            if let first = seen[name] {
                throw DataError(
                    file: "", line: sink.line,
                    message: "duplicate column name `\(name)` in the header (columns \(first + 1) and \(index + 1))")
            }
            seen[name] = index
        }
        guard !onlyLineBreaks(buffer, from: dataStart.offset) else {
            throw DataError(file: "", message: "the file has a header but no data rows")
        }
        return (names, dataStart)
    }

    private static func onlyLineBreaks(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < buffer.count {
            if buffer[index] != CSVScanner.lineFeed && buffer[index] != CSVScanner.carriageReturn { return false }
            index += 1
        }
        return true
    }
}

/// Collects the header's fields as strings.
private struct HeaderSink: CSVRecordSink {
    var names: [String] = []
    var line = 1
    private var done = false

    var wantsMoreRecords: Bool { !done }

    mutating func field(column: Int, bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, line: Int) throws(DataError) {
        let text = quoted ? bytes : CSVText.trimmed(bytes)
        guard let name = String(validating: text, as: UTF8.self) else {
            throw DataError(file: "", line: line, message: "the header contains text that is not valid UTF-8")
        }
        names.append(name)
    }

    mutating func endRecord(fieldCount: Int, line: Int, start: Int) throws(DataError) {
        self.line = line
        done = true
    }
}
