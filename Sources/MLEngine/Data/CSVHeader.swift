/// Reads and checks the header record of a CSV source.
enum CSVHeader {
    /// The column names, where the first data record starts, a rough row count (from
    /// the line breaks in the first 64 KiB of data; `nil` when unknown), and the window
    /// read (it holds at least the bytes before the data).
    ///
    /// Skips a UTF-8 byte order mark and blank lines before the header. Errors:
    /// empty file, invalid UTF-8, empty or duplicate names, no data rows. Reads a
    /// growing window from the start until the header and some data fit in it.
    static func read(_ source: CSVSource, delimiter: UInt8) throws(DataError) -> (
        names: [String], dataStart: CSVPosition, rows: Int?, window: CSVWindow
    ) {
        let window = CSVWindow()
        var length = 1 << 16
        while true {
            try window.load(0..<min(length, source.count), from: source)
            if let result = try parse(window, delimiter: delimiter, total: source.count) {
                return (result.names, result.dataStart, result.rows, window)
            }
            length *= 4
        }
    }

    /// The header from `window`, or `nil` when the window is too short to tell.
    private static func parse(_ window: CSVWindow, delimiter: UInt8, total: Int) throws(DataError) -> (names: [String], dataStart: CSVPosition, rows: Int?)? {
        let buffer = window.bytes
        var start = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            start = 3
        }
        guard !onlyLineBreaks(buffer, from: start) else {
            if !window.isFinal { return nil }
            throw DataError(file: "", message: "the file is empty")
        }
        var scanner = CSVScanner(buffer: buffer, delimiter: delimiter, columnCount: Int.max, isFinal: window.isFinal)
        var sink = HeaderSink()
        let dataStart: CSVPosition
        do {
            dataStart = try scanner.scan(from: CSVPosition(offset: start, line: 1), limit: buffer.count, into: &sink)
        } catch {
            if scanner.incomplete { return nil }
            throw error
        }
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
            if !window.isFinal { return nil }
            throw DataError(file: "", message: "the file has a header but no data rows")
        }
        return (names, dataStart, estimateRows(buffer, from: dataStart.offset, total: total))
    }

    /// Rows in `[start, total)` estimated from the line breaks in the bytes held.
    private static func estimateRows(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, total: Int) -> Int? {
        let sampleEnd = min(buffer.count, start + (1 << 16))
        guard sampleEnd > start else { return nil }
        var lines = 0
        for index in start..<sampleEnd where buffer[index] == CSVScanner.lineFeed { lines += 1 }
        guard lines > 0 else { return nil }
        let perLine = Double(sampleEnd - start) / Double(lines)
        return Int(Double(total - start) / perLine)
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
