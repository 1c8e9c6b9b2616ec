/// Accumulates one column of a CSV chunk, inferring its type as it goes.
///
/// A column starts as numeric (unless forced categorical) and switches to
/// categorical at the first non-missing value that is not a number. Rows before
/// the switch that held numbers are re-read later (``prefixRows``) so categories
/// keep their order of first appearance.
struct CSVColumnBuilder: Sendable {
    enum State: Sendable, Equatable {
        /// Numeric so far, may still switch.
        case inferring
        /// Forced numeric: a non-number is an error.
        case numeric
        /// Dictionary-encoded.
        case categorical
    }

    let name: String
    private(set) var state: State
    private(set) var values: [Double] = []
    private(set) var codes: [UInt32] = []
    private(set) var dictionary = ByteDictionary()
    /// Rows at the start whose codes are placeholders until the text is re-read.
    private(set) var prefixRows = 0
    private var numbersSeen = 0

    init(name: String, forcedType: ColumnType?, expectedRows: Int) {
        self.name = name
        switch forcedType {
        case .numeric?: state = .numeric
        case .categorical?: state = .categorical
        case nil: state = .inferring
        }
        if state == .categorical {
            codes.reserveCapacity(expectedRows)
        } else {
            values.reserveCapacity(expectedRows)
        }
    }

    var rowCount: Int { state == .categorical ? codes.count : values.count }

    /// Converts this column's fields of every record in `block` and appends them.
    /// Returns the first record that failed (a non-number in a forced-numeric
    /// column, or invalid UTF-8) with its error; rows before it are appended.
    mutating func append(
        block: CSVBlock, column: Int, base: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, matcher: CSVMissingMatcher
    ) -> (row: Int, error: DataError)? {
        let rows = block.rows
        let start = base + block.origin
        let side = UnsafePointer(block.side)
        let cells = block.cells + column &* block.stride
        var row = 0
        if state != .categorical {
            let output = block.valueScratch
            var count = 0
            while row < rows {
                let trimmed = CSVText.trimmed(CSVBlock.field(cells, row, start: start, side: side).bytes)
                if matcher.isMissing(trimmed) {
                    output[count] = .nan
                } else if let value = CSVNumberParser.parse(trimmed, readable: Self.readable(trimmed, start: start, end: end)) {
                    output[count] = value
                    numbersSeen += 1
                } else {
                    break
                }
                count += 1
                row += 1
            }
            values.append(contentsOf: UnsafeBufferPointer(start: output, count: count))
            if row == rows { return nil }
            if state == .numeric {
                let bytes = CSVBlock.field(cells, row, start: start, side: side).bytes
                let line = block.rowLines[row]
                guard CSVText.isValidUTF8(bytes) else { return (row, invalidUTF8(line: line)) }
                let text = CSVText.quotedForMessage(CSVText.trimmed(bytes))
                return (row, DataError(file: "", line: line, message: "column `\(name)`: \(text) is not a number"))
            }
            switchToCategorical()
        }
        let output = block.codeScratch
        var count = 0
        var failure: (row: Int, error: DataError)?
        while row < rows {
            let field = CSVBlock.field(cells, row, start: start, side: side)
            guard let code = Self.code(field.bytes, quoted: field.quoted, matcher: matcher, dictionary: &dictionary) else {
                failure = (row, invalidUTF8(line: block.rowLines[row]))
                break
            }
            output[count] = code
            count += 1
            row += 1
        }
        codes.append(contentsOf: UnsafeBufferPointer(start: output, count: count))
        return failure
    }

    /// How many bytes may be read from `field`: to the end of the file buffer when the
    /// field lies in it (from `start` on), else just the field (side-buffer fields).
    @inline(__always)
    private static func readable(_ field: UnsafeBufferPointer<UInt8>, start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Int {
        guard let first = field.baseAddress, first >= start, first < end else { return field.count }
        return end - first
    }

    /// Encodes a field for a categorical column: missing marker → `missingCode`,
    /// otherwise the code of its text (trimmed unless quoted); `nil` when the text
    /// is new and not valid UTF-8.
    @inline(__always)
    static func code(
        _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, matcher: CSVMissingMatcher, dictionary: inout ByteDictionary
    ) -> UInt32? {
        let trimmed = CSVText.trimmed(bytes)
        if matcher.isMissing(trimmed) { return CategoricalColumn.missingCode }
        let text = quoted ? bytes : trimmed
        let (code, inserted) = dictionary.code(for: text)
        if inserted && !CSVText.isValidUTF8(text) { return nil }
        return code
    }

    /// Turns a numeric-so-far column into a categorical one.
    mutating func switchToCategorical() {
        let rows = values.count
        if numbersSeen > 0 { prefixRows = rows }
        codes = [UInt32](repeating: CategoricalColumn.missingCode, count: rows)
        codes.reserveCapacity(max(values.capacity, rows + 1))
        values = []
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
        prefixRows = 0
    }

    /// The column's part, moved out of the builder (which is left empty).
    mutating func takePart() -> CSVColumnPart {
        let part: CSVColumnPart = state == .categorical
            ? .categorical(codes: codes, dictionary: dictionary) : .numeric(values)
        values = []
        codes = []
        dictionary = ByteDictionary()
        return part
    }

    /// Replaces a numeric column by the categorical encoding of the same rows.
    mutating func installCategorical(codes newCodes: [UInt32], dictionary newDictionary: ByteDictionary) {
        codes = newCodes
        dictionary = newDictionary
        values = []
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

/// One chunk's share of a column, ready to be merged.
enum CSVColumnPart: Sendable {
    case numeric([Double])
    case categorical(codes: [UInt32], dictionary: ByteDictionary)
}
