/// Re-reads the first `limits[column]` rows of some columns as categories (rows
/// that were parsed as numbers before the column turned out to be categorical).
/// One sink may be fed several consecutive byte ranges.
struct CSVRescanSink: CSVRecordSink {
    let limits: [Int]
    let matcher: CSVMissingMatcher
    let header: [String]
    private let maxRows: Int
    var codes: [[UInt32]]
    var dictionaries: [ByteDictionary]
    private(set) var row = 0

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
        guard let code = CSVFieldConversion.code(bytes, quoted: quoted, matcher: matcher, dictionary: &dictionaries[column]) else {
            throw CSVColumnBuilder.invalidUTF8(column: header[column], line: line)
        }
        codes[column].append(code)
    }

    mutating func endRecord(fieldCount: Int, line: Int, start: Int) throws(DataError) {
        row += 1
    }
}
