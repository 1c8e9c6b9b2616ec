/// The conversion of one column's fields in a ``CSVBlock``, the reader's hot loops:
/// numbers to `Double` (into the block's `valueScratch`) and text to dictionary
/// codes (into its `codeScratch`). Common forms take branch-light fast paths that
/// read whole words past a field's end (the window's padding makes that safe);
/// everything else goes through the general, out-of-line paths.
struct CSVFieldConversion {
    private let block: CSVBlock
    private let cells: UnsafeMutablePointer<UInt64>
    private let start: UnsafePointer<UInt8>
    private let side: UnsafePointer<UInt8>
    private let matcher: CSVMissingMatcher

    /// Column `column` of `block`, whose cell offsets are relative to `base + block.origin`.
    init(block: CSVBlock, column: Int, base: UnsafePointer<UInt8>, matcher: CSVMissingMatcher) {
        self.block = block
        cells = block.cells + column &* block.stride
        start = base + block.origin
        side = UnsafePointer(block.side)
        self.matcher = matcher
    }

    /// The bytes of the field in row `row`.
    func field(_ row: Int) -> (bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        CSVBlock.field(cells, row, start: start, side: side)
    }

    /// Parses rows from `first` until the first field that is neither a number nor missing
    /// (value `i` goes to `valueScratch[i]`). Returns the row where it stopped (`rows` when
    /// all were converted) and how many of the converted rows were missing. Two passes:
    /// fields to exact mantissas and scales, then one division per value.
    @inline(never)
    func numbers(from first: Int = 0, rows: Int) -> (end: Int, missing: Int) {
        let output = block.valueScratch
        let scales = block.scaleScratch
        let cells = self.cells
        let start = self.start
        // Unquoted fields (cell flags 0) take the fast path, unless a marker could be a number.
        let blocked: UInt64 = matcher.mayMatchNumbers ? 1 : 0
        var row = first
        var missing = 0
        var anyScale: UInt8 = 0
        while row < rows {
            let cell = cells[row]
            if cell & 3 | blocked == 0,
                let number = CSVNumberParser.parsePadded(
                    start + Int(truncatingIfNeeded: cell &>> 32), Int(truncatingIfNeeded: (cell & 0xFFFF_FFFF) &>> 2))
            {
                output[row] = number.mantissa
                let scale = UInt8(truncatingIfNeeded: number.scale)
                scales[row] = scale
                anyScale |= scale
            } else {
                let field = CSVBlock.field(cells, row, start: start, side: side).bytes
                let trimmed = CSVText.trimmed(field)
                if matcher.isMissing(trimmed) {
                    output[row] = .nan
                    missing &+= 1
                } else if let value = Self.number(trimmed) {
                    output[row] = value
                } else {
                    break
                }
                scales[row] = 0
            }
            row &+= 1
        }
        if anyScale != 0 {
            var index = first
            while index < row {
                output[index] = output[index] / CSVNumberParser.powerOfTen(Int(scales[index]))
                index &+= 1
            }
        }
        return (row, missing)
    }

    /// Encodes rows from `first` as categories. Returns the row where it stopped
    /// (`rows` when all were encoded) and whether it stopped because that row's new
    /// text is not valid UTF-8; code `i` is for row `first + i`.
    @inline(never)
    func codes(from first: Int, rows: Int, dictionary: inout ByteDictionary) -> (end: Int, valid: Bool) {
        let output = block.codeScratch
        let markerLengths = matcher.lengthBits
        var row = first
        while row < rows {
            // Fast path: an unquoted field of 1...16 bytes, nothing to trim, not the
            // length of a missing marker, already in the dictionary.
            let cell = cells[row]
            let length = Int(truncatingIfNeeded: (cell & 0xFFFF_FFFF) &>> 2)
            if cell & 3 == 0 && UInt(bitPattern: length &- 1) < 16 && markerLengths & (1 &<< UInt64(length)) == 0 {
                let text = start + Int(truncatingIfNeeded: cell &>> 32)
                if text[0] > CSVScanner.space && text[length &- 1] > CSVScanner.space,
                    let code = dictionary.find(padded: text, length: length)
                {
                    output[row &- first] = code
                    row &+= 1
                    continue
                }
            }
            let field = CSVBlock.field(cells, row, start: start, side: side)
            guard let code = Self.slowCode(field.bytes, quoted: field.quoted, matcher: matcher, dictionary: &dictionary) else {
                return (row, false)
            }
            output[row &- first] = code
            row &+= 1
        }
        return (row, true)
    }

    /// A trimmed field that is not in the fast form and not missing: its value when
    /// a number in any accepted form, `nil` otherwise.
    @inline(never)
    private static func number(_ trimmed: UnsafeBufferPointer<UInt8>) -> Double? {
        CSVNumberParser.parse(trimmed, readable: trimmed.count + CSVWindow.padding)
    }

    @inline(never)
    private static func slowCode(
        _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, matcher: CSVMissingMatcher, dictionary: inout ByteDictionary
    ) -> UInt32? {
        let trimmed = CSVText.trimmed(bytes)
        if matcher.isMissing(trimmed) { return CategoricalColumn.missingCode }
        let text = quoted ? bytes : trimmed
        let (code, inserted) = dictionary.codePadded(for: text)
        if inserted && !CSVText.isValidUTF8(text) { return nil }
        return code
    }

    /// Encodes a field for a categorical column: missing marker → `missingCode`,
    /// otherwise the code of its text (trimmed unless quoted); `nil` when the text
    /// is new and not valid UTF-8. For bytes with nothing readable after them.
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
}
