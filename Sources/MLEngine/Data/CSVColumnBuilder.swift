/// Accumulates one column of a CSV chunk, inferring its type as it goes.
///
/// A column starts as numeric (unless forced or hinted categorical) and switches to
/// categorical at the first non-missing value that is not a number. Rows before
/// the switch that held numbers are re-read later (``prefixRows``) so categories
/// keep their order of first appearance. A builder is reused chunk after chunk
/// (``reset(categorical:)`` keeps its memory).
struct CSVColumnBuilder: Sendable {
    enum State: Sendable, Equatable {
        /// Numeric so far, may still switch.
        case inferring
        /// Forced numeric: a non-number is an error.
        case numeric
        /// Dictionary-encoded.
        case categorical
    }

    /// Stands in for ``dictionary`` while a loop works on it.
    private static let placeholder = ByteDictionary()

    let name: String
    private let forcedType: ColumnType?
    private(set) var state: State
    private(set) var values: [Double] = []
    private(set) var codes: [UInt32] = []
    private(set) var dictionary = ByteDictionary()
    /// Rows at the start whose codes are placeholders until the text is re-read.
    private(set) var prefixRows = 0
    /// Per code of ``dictionary``: the code in the merged column plus one (0 = not
    /// known yet). Kept, like the dictionary, from chunk to chunk; maintained by
    /// ``CSVMergedColumn``.
    var mergedCodes: [UInt32] = []
    private var numbersSeen = 0
    /// Forced numeric and lenient: a non-number is missing and counted, not an error.
    private let lenient: Bool
    /// Non-numbers taken as missing in this chunk (lenient only).
    private(set) var badCount = 0
    /// The record (window offset, chunk line) holding the chunk's first bad value, until
    /// ``CSVChunk`` resolves it to the line of the field (``firstBadLine``).
    private(set) var firstBadRecord: CSVPosition?
    /// The chunk-relative line of the first bad value's field.
    var firstBadLine: Int?

    init(name: String, forcedType: ColumnType?, lenient: Bool = false) {
        self.name = name
        self.forcedType = forcedType
        self.lenient = lenient && forcedType == .numeric
        state = forcedType == .categorical ? .categorical : forcedType == .numeric ? .numeric : .inferring
    }

    var rowCount: Int { state == .categorical ? codes.count : values.count }

    /// Empties the builder for a new chunk; `categorical` starts an inferred column
    /// as categorical (the result is the same, without re-reading numbers later).
    ///
    /// The dictionary is kept: the chunks a builder sees come in file order, so a
    /// text's first insertion (where its UTF-8 is checked) is still its first
    /// appearance in those chunks, and most lookups after the first chunk are hits.
    mutating func reset(categorical: Bool) {
        values.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
        prefixRows = 0
        numbersSeen = 0
        badCount = 0
        firstBadRecord = nil
        firstBadLine = nil
        switch forcedType {
        case .numeric?: state = .numeric
        case .categorical?: state = .categorical
        case nil: state = categorical ? .categorical : .inferring
        }
    }

    /// Forgets the dictionary (after a parse whose results were thrown away, so that
    /// texts it saw are checked again where they really first appear).
    mutating func forgetDictionary() {
        if dictionary.count > 0 { dictionary.removeAll() }
        mergedCodes.removeAll(keepingCapacity: true)
    }

    /// Converts this column's fields of every record in `block` and appends them.
    /// Returns the first record that failed (a non-number in a forced-numeric
    /// column, or invalid UTF-8) with its error; rows before it are appended.
    mutating func append(block: CSVBlock, column: Int, base: UnsafePointer<UInt8>, matcher: CSVMissingMatcher) -> (row: Int, error: DataError)? {
        let rows = block.rows
        let fields = CSVFieldConversion(block: block, column: column, base: base, matcher: matcher)
        var row = 0
        if state != .categorical {
            var (converted, missing) = fields.numbers(rows: rows)
            if lenient {
                while converted < rows {
                    // Not a number (or not UTF-8): missing, counted, and the loop goes on after it.
                    block.valueScratch[converted] = .nan
                    if badCount == 0 {
                        firstBadRecord = CSVPosition(offset: block.rowStarts[converted], line: block.rowLines[converted])
                    }
                    badCount &+= 1
                    let (end, more) = fields.numbers(from: converted &+ 1, rows: rows)
                    missing &+= more &+ 1
                    converted = end
                }
            }
            values.append(contentsOf: UnsafeBufferPointer(start: block.valueScratch, count: converted))
            numbersSeen &+= converted &- missing
            row = converted
            if row == rows { return nil }
            if state == .numeric {
                let bytes = fields.field(row).bytes
                let line = block.rowLines[row]
                guard CSVText.isValidUTF8(bytes) else { return (row, invalidUTF8(line: line)) }
                let text = CSVText.quotedForMessage(CSVText.trimmed(bytes))
                return (row, DataError(file: "", line: line, message: "column `\(name)`: \(text) is not a number"))
            }
            switchToCategorical()
        }
        // A local, uniquely referenced dictionary keeps the loop's state in registers.
        var local = dictionary
        dictionary = Self.placeholder
        defer { dictionary = local }
        let (end, valid) = fields.codes(from: row, rows: rows, dictionary: &local)
        codes.append(contentsOf: UnsafeBufferPointer(start: block.codeScratch, count: end &- row))
        return valid ? nil : (end, invalidUTF8(line: block.rowLines[end]))
    }

    /// Turns a numeric-so-far column into a categorical one.
    private mutating func switchToCategorical() {
        let rows = values.count
        if numbersSeen > 0 { prefixRows = rows }
        codes.removeAll(keepingCapacity: true)
        codes.append(contentsOf: repeatElement(CategoricalColumn.missingCode, count: rows))
        values.removeAll(keepingCapacity: true)
        state = .categorical
    }

    /// Installs the re-read encoding of the first ``prefixRows`` rows (their codes
    /// and dictionary come first, so first-appearance order holds).
    mutating func installPrefix(codes prefixCodes: [UInt32], dictionary prefixDictionary: ByteDictionary) {
        var merged = prefixDictionary
        let mapping = merged.absorb(dictionary)
        var newCodes = prefixCodes
        newCodes.reserveCapacity(codes.count)
        for code in codes[prefixRows...] {
            newCodes.append(code == CategoricalColumn.missingCode ? code : mapping[Int(code)])
        }
        codes = newCodes
        dictionary = merged
        mergedCodes = []
        prefixRows = 0
    }

    /// Replaces a numeric column by the categorical encoding of the same rows.
    mutating func installCategorical(codes newCodes: [UInt32], dictionary newDictionary: ByteDictionary) {
        codes = newCodes
        dictionary = newDictionary
        mergedCodes = []
        values.removeAll(keepingCapacity: true)
        prefixRows = 0
        state = .categorical
    }

    private func invalidUTF8(line: Int) -> DataError {
        Self.invalidUTF8(column: name, line: line)
    }

    static func invalidUTF8(column: String, line: Int) -> DataError {
        DataError(file: "", line: line, message: "column `\(column)` contains text that is not valid UTF-8")
    }
}
