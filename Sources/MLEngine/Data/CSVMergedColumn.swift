/// One column of the frame being assembled from chunks, appended to in file order.
///
/// Numeric until a chunk has it categorical; from then on categorical, with the
/// rows merged before as numbers (``pendingPrefixRows``) left as placeholders until
/// their text is re-read, so categories keep their order of first appearance.
struct CSVMergedColumn {
    let name: String
    private let expectedRows: Int
    private(set) var isCategorical = false
    private(set) var values: [Double] = []
    private(set) var codes: [UInt32] = []
    private(set) var dictionary = ByteDictionary()
    private(set) var pendingPrefixRows = 0
    /// Non-numbers read as missing (lenient forced-numeric columns), and the file line of the first.
    private(set) var badCount = 0
    private(set) var firstBadLine: Int?

    init(name: String, expectedRows: Int) {
        self.name = name
        self.expectedRows = expectedRows
        values.reserveCapacity(expectedRows)
        CSVMemoryAdvice.preferHugePages(&values)
    }

    /// Appends a chunk's share of the column (made categorical beforehand when this
    /// column is categorical). Chunk codes are translated through the builder's
    /// ``CSVColumnBuilder/mergedCodes``, resolving texts not seen before in row order,
    /// so merged codes follow first appearance in the file.
    /// `lineShift` turns the builder's chunk-relative lines into file lines.
    mutating func append(_ builder: inout CSVColumnBuilder, lineShift: Int) {
        if builder.badCount > 0 {
            if firstBadLine == nil, let line = builder.firstBadLine { firstBadLine = line + lineShift }
            badCount += builder.badCount
        }
        guard builder.state == .categorical else {
            values.append(contentsOf: builder.values)
            return
        }
        if !isCategorical { switchToCategorical() }
        var map = builder.mergedCodes
        builder.mergedCodes = []
        if map.count < builder.dictionary.count {
            map.append(contentsOf: repeatElement(0, count: builder.dictionary.count - map.count))
        }
        let first = codes.count
        codes.append(contentsOf: builder.codes)
        codes.withUnsafeMutableBufferPointer { all in
            map.withUnsafeMutableBufferPointer { known in
                for row in first..<all.count {
                    let code = all[row]
                    guard code != CategoricalColumn.missingCode else { continue }
                    var merged = known[Int(code)]
                    if merged == 0 {
                        merged = dictionary.code(of: code, in: builder.dictionary) &+ 1
                        known[Int(code)] = merged
                    }
                    all[row] = merged &- 1
                }
            }
        }
        builder.mergedCodes = map
    }

    private mutating func switchToCategorical() {
        isCategorical = true
        pendingPrefixRows = values.count
        values = []
        codes.reserveCapacity(max(expectedRows, pendingPrefixRows + 1))
        CSVMemoryAdvice.preferHugePages(&codes)
        codes.append(contentsOf: repeatElement(CategoricalColumn.missingCode, count: pendingPrefixRows))
    }

    /// Installs the re-read encoding of the ``pendingPrefixRows`` first rows: their
    /// categories come first, and every later code is renumbered.
    mutating func installPrefix(codes prefixCodes: [UInt32], dictionary prefixDictionary: ByteDictionary) {
        var merged = prefixDictionary
        let mapping = merged.absorb(dictionary)
        codes.withUnsafeMutableBufferPointer { all in
            for row in prefixCodes.indices { all[row] = prefixCodes[row] }
            for row in pendingPrefixRows..<all.count where all[row] != CategoricalColumn.missingCode {
                all[row] = mapping[Int(all[row])]
            }
        }
        dictionary = merged
        pendingPrefixRows = 0
    }

    /// The finished column.
    func column() -> Column {
        isCategorical
            ? .categorical(CategoricalColumn(name: name, codes: codes, categories: dictionary.strings()))
            : .numeric(NumericColumn(name: name, values: values))
    }
}
