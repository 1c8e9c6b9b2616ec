/// The columns parsed from one byte range of a CSV source: the records that start
/// in `[start, limit)`, read from a ``CSVWindow`` holding that range.
///
/// Offsets are positions in the source; lines are counted from 1 at ``start`` (the
/// merge shifts them). A chunk is reused: ``reset(start:categorical:)`` keeps memory.
struct CSVChunk {
    private(set) var builders: [CSVColumnBuilder]
    private let block: CSVBlock
    /// Where the chunk's first record starts (line 1).
    private(set) var start = CSVPosition(offset: 0, line: 1)
    /// Where scanning stopped: the start of the first record not in this chunk.
    private(set) var end = CSVPosition(offset: 0, line: 1)
    private(set) var rowCount = 0

    init(settings: CSVSettings) {
        builders = settings.header.map {
            CSVColumnBuilder(name: $0, forcedType: settings.types[$0], lenient: settings.lenientNumbers)
        }
        block = CSVBlock(columnCount: settings.header.count)
    }

    /// Empties the chunk to parse from `start`; `categorical[c]` starts inferred
    /// column `c` as categorical.
    mutating func reset(start: Int, categorical: [Bool]) {
        self.start = CSVPosition(offset: start, line: 1)
        end = self.start
        rowCount = 0
        for column in builders.indices {
            builders[column].reset(categorical: categorical[column])
        }
    }

    /// Appends column `column` to `merged` (see ``CSVMergedColumn/append(_:lineShift:)``);
    /// `lineShift` is the file line of the chunk's line 1, minus one.
    mutating func append(column: Int, to merged: inout CSVMergedColumn, lineShift: Int) {
        merged.append(&builders[column], lineShift: lineShift)
    }

    /// Forgets every column's dictionary (see ``CSVColumnBuilder/forgetDictionary()``).
    mutating func forgetDictionaries() {
        for column in builders.indices { builders[column].forgetDictionary() }
    }

    /// Parses the records from ``end`` that start before `limit`, a block of records
    /// at a time: first their field boundaries, then each column's values. Returns
    /// `false`, with the chunk in an unspecified state, when `window` ends before the
    /// last of those records does.
    mutating func parse(window: CSVWindow, settings: CSVSettings, limit: Int) throws(DataError) -> Bool {
        let base = UnsafePointer(window.base)
        let shift = window.start
        var scanner = CSVScanner(
            buffer: window.bytes, delimiter: settings.delimiter, columnCount: builders.count, isFinal: window.isFinal)
        var position = CSVPosition(offset: end.offset - shift, line: end.line)
        while position.offset < limit - shift {
            var scanError: DataError?
            do {
                position = try scanner.scanBlock(from: position, limit: limit - shift, block: block, header: settings.header)
            } catch {
                if scanner.incomplete { return false }
                scanError = error
            }
            var first: (row: Int, column: Int, error: DataError)?
            for column in builders.indices {
                guard let failure = builders[column].append(block: block, column: column, base: base, matcher: settings.matcher)
                else { continue }
                if first.map({ failure.row < $0.row }) ?? true {
                    first = (failure.row, column, failure.error)
                }
            }
            if settings.lenientNumbers { resolveFirstBadLines(window: window, settings: settings) }
            if let first {
                let record = CSVPosition(offset: block.rowStarts[first.row], line: block.rowLines[first.row])
                let line = fieldLine(window: window, settings: settings, record: record, column: first.column)
                throw DataError(file: "", line: line ?? first.error.line, message: first.error.message)
            }
            if let scanError { throw scanError }
            rowCount += block.rows
            end = CSVPosition(offset: position.offset + shift, line: position.line)
        }
        return true
    }

    /// Gives each column whose first bad value was just seen the line of that field.
    private mutating func resolveFirstBadLines(window: CSVWindow, settings: CSVSettings) {
        for column in builders.indices where builders[column].firstBadLine == nil {
            guard let record = builders[column].firstBadRecord else { continue }
            builders[column].firstBadLine = fieldLine(window: window, settings: settings, record: record, column: column) ?? record.line
        }
    }

    /// The physical line where field `column` of the record at `record` (window offsets) starts.
    private func fieldLine(window: CSVWindow, settings: CSVSettings, record: CSVPosition, column: Int) -> Int? {
        var scanner = CSVScanner(buffer: window.bytes, delimiter: settings.delimiter, columnCount: builders.count)
        var sink = FieldLineSink(column: column)
        _ = try? scanner.scan(from: record, limit: window.count, into: &sink)
        return sink.line
    }

    /// Whether the column ended up categorical in this chunk.
    func isCategorical(_ column: Int) -> Bool {
        builders[column].state == .categorical
    }

    /// Whether the column holds rows that must be re-read as text to be categorical.
    func needsText(_ column: Int) -> Bool {
        builders[column].state != .categorical || builders[column].prefixRows > 0
    }

    /// Makes every column in `columns` categorical and complete, re-reading the
    /// chunk's text (still in `window`) once for all columns that need it.
    mutating func categorize(_ columns: [Int], window: CSVWindow, settings: CSVSettings) throws(DataError) {
        var limits = [Int](repeating: 0, count: builders.count)
        for column in columns {
            let builder = builders[column]
            limits[column] = builder.state == .categorical ? builder.prefixRows : builder.rowCount
            if builder.state != .categorical && builder.rowCount == 0 {
                builders[column].installCategorical(codes: [], dictionary: ByteDictionary())
            }
        }
        guard let maxLimit = limits.max(), maxLimit > 0 else { return }
        var sink = CSVRescanSink(limits: limits, matcher: settings.matcher, header: settings.header)
        var scanner = CSVScanner(buffer: window.bytes, delimiter: settings.delimiter, columnCount: builders.count)
        let from = CSVPosition(offset: start.offset - window.start, line: start.line)
        _ = try scanner.scan(from: from, limit: end.offset - window.start, into: &sink)
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
    /// A non-number in a forced-numeric column is missing and counted (``CSVOptions/BadNumbers/missing``).
    var lenientNumbers = false
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
