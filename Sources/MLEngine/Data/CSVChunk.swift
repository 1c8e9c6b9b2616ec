/// The columns parsed from one byte range of a CSV file (the whole data section,
/// or one of several ranges parsed in parallel).
struct CSVChunk: Sendable {
    private(set) var builders: [CSVColumnBuilder]
    /// Where the chunk's first record starts (lines relative to the chunk when speculative).
    let start: CSVPosition
    /// Where scanning stopped: the start of the first record not in this chunk.
    private(set) var end: CSVPosition
    private(set) var rowCount = 0

    init(start: CSVPosition, columns: [String], types: [String: ColumnType], expectedRows: Int) {
        self.start = start
        self.end = start
        builders = columns.map { CSVColumnBuilder(name: $0, forcedType: types[$0], expectedRows: expectedRows) }
    }

    /// Parses the records from ``end`` that start before `limit`, a block of records
    /// at a time: first their field boundaries, then each column's values.
    mutating func parse(buffer: UnsafeBufferPointer<UInt8>, settings: CSVSettings, limit: Int) throws(DataError) {
        guard let base = buffer.baseAddress else { return }
        var scanner = CSVScanner(buffer: buffer, delimiter: settings.delimiter, columnCount: builders.count)
        let block = CSVBlock(columnCount: builders.count)
        while end.offset < limit {
            var scanError: DataError?
            do {
                end = try scanner.scanBlock(from: end, limit: limit, block: block, header: settings.header)
            } catch {
                scanError = error
            }
            var first: (row: Int, column: Int, error: DataError)?
            for column in builders.indices {
                guard let failure = builders[column].append(
                    block: block, column: column, base: base, end: base + buffer.count, matcher: settings.matcher)
                else { continue }
                if first.map({ failure.row < $0.row }) ?? true {
                    first = (failure.row, column, failure.error)
                }
            }
            if let first {
                let start = CSVPosition(offset: block.rowStarts[first.row], line: block.rowLines[first.row])
                let line = fieldLine(buffer: buffer, settings: settings, record: start, column: first.column)
                throw DataError(file: "", line: line ?? first.error.line, message: first.error.message)
            }
            if let scanError { throw scanError }
            rowCount += block.rows
        }
    }

    /// The physical line where field `column` of the record at `record` starts.
    private func fieldLine(buffer: UnsafeBufferPointer<UInt8>, settings: CSVSettings, record: CSVPosition, column: Int) -> Int? {
        var scanner = CSVScanner(buffer: buffer, delimiter: settings.delimiter, columnCount: builders.count)
        var sink = FieldLineSink(column: column)
        _ = try? scanner.scan(from: record, limit: buffer.count, into: &sink)
        return sink.line
    }

    /// Moves the parts of every column out of the chunk.
    mutating func takeParts() -> [CSVColumnPart] {
        builders.indices.map { builders[$0].takePart() }
    }

    /// Whether the column ended up categorical in this chunk.
    func isCategorical(_ column: Int) -> Bool {
        builders[column].state == .categorical
    }

    /// Makes every column in `columns` categorical and complete, re-reading the
    /// chunk's text once for all columns that need it.
    mutating func categorize(_ columns: [Int], buffer: UnsafeBufferPointer<UInt8>, settings: CSVSettings) throws(DataError) {
        var limits = [Int](repeating: 0, count: builders.count)
        for column in columns {
            let builder = builders[column]
            limits[column] = builder.state == .categorical ? builder.prefixRows : builder.rowCount
            if builder.state != .categorical && builder.rowCount == 0 {
                builders[column].installCategorical(codes: [], dictionary: ByteDictionary())
            }
        }
        guard let maxLimit = limits.max(), maxLimit > 0 else { return }
        var sink = RescanSink(limits: limits, matcher: settings.matcher, header: settings.header)
        var scanner = CSVScanner(buffer: buffer, delimiter: settings.delimiter, columnCount: builders.count)
        _ = try scanner.scan(from: start, limit: buffer.count, into: &sink)
        for column in columns where limits[column] > 0 {
            if builders[column].state == .categorical {
                builders[column].installPrefix(codes: sink.codes[column], dictionary: sink.dictionaries[column])
            } else {
                builders[column].installCategorical(codes: sink.codes[column], dictionary: sink.dictionaries[column])
            }
        }
    }

    /// The message for a record with the wrong number of fields.
    static func raggedMessage(fields: Int, header: [String]) -> String {
        let shown = header.count > 20 ? header.prefix(20).joined(separator: ", ") + ", … and \(header.count - 20) more"
            : header.joined(separator: ", ")
        let noun = fields == 1 ? "field" : "fields"
        return "row has \(fields) \(noun) but the header has \(header.count) (columns: \(shown))"
    }
}

/// Settings shared by every chunk of one parse.
struct CSVSettings: Sendable {
    let delimiter: UInt8
    let matcher: CSVMissingMatcher
    let header: [String]
    let types: [String: ColumnType]
}

/// Notes the line on which one field of one record starts.
private struct FieldLineSink: CSVRecordSink {
    let column: Int
    var line: Int?
    private var done = false

    init(column: Int) {
        self.column = column
    }

    var wantsMoreRecords: Bool { !done }

    mutating func field(column: Int, bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, line: Int) throws(DataError) {
        if column == self.column { self.line = line }
    }

    mutating func endRecord(fieldCount: Int, line: Int, start: Int) throws(DataError) {
        done = true
    }
}

/// Re-reads the first `limits[column]` rows of some columns as categories.
private struct RescanSink: CSVRecordSink {
    let limits: [Int]
    let matcher: CSVMissingMatcher
    let header: [String]
    private let maxRows: Int
    var codes: [[UInt32]]
    var dictionaries: [ByteDictionary]
    private var row = 0

    init(limits: [Int], matcher: CSVMissingMatcher, header: [String]) {
        self.limits = limits
        self.matcher = matcher
        self.header = header
        maxRows = limits.max() ?? 0
        codes = limits.map { limit in
            var column = [UInt32]()
            column.reserveCapacity(limit)
            return column
        }
        dictionaries = limits.map { _ in ByteDictionary() }
    }

    var wantsMoreRecords: Bool { row < maxRows }

    mutating func field(column: Int, bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, line: Int) throws(DataError) {
        guard row < limits[column] else { return }
        guard let code = CSVColumnBuilder.code(bytes, quoted: quoted, matcher: matcher, dictionary: &dictionaries[column]) else {
            throw CSVColumnBuilder.invalidUTF8(column: header[column], line: line)
        }
        codes[column].append(code)
    }

    mutating func endRecord(fieldCount: Int, line: Int, start: Int) throws(DataError) {
        row += 1
    }
}
