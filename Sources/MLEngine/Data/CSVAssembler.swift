import Dispatch

/// Merges parsed chunks (in file order) into one ``DataFrame``.
///
/// A column is categorical when it is categorical in any chunk; chunks where it
/// stayed numeric are re-read as text. Dictionaries are merged in chunk order, so
/// category codes follow first appearance in the file, exactly as a
/// single-threaded parse would give. With several chunks, columns are merged in
/// parallel, each appended in place to the first chunk's (pre-sized) arrays.
enum CSVAssembler {
    static func frame(
        from parsedChunks: [CSVChunk], buffer: UnsafeBufferPointer<UInt8>, settings: CSVSettings
    ) throws(DataError) -> DataFrame {
        var chunks = parsedChunks
        let columnCount = settings.header.count
        let categorical = (0..<columnCount).filter { column in chunks.contains { $0.isCategorical(column) } }
        for index in chunks.indices {
            try chunks[index].categorize(categorical, buffer: buffer, settings: settings)
        }
        var partsByChunk = [[CSVColumnPart]]()
        for index in chunks.indices {
            partsByChunk.append(chunks[index].takeParts())
        }
        chunks = []
        let job = MergeJob(names: settings.header, partsByChunk: partsByChunk)
        partsByChunk = []
        if job.chunkCount > 1 {
            DispatchQueue.concurrentPerform(iterations: columnCount) { job.merge($0) }
        } else {
            for column in 0..<columnCount { job.merge(column) }
        }
        return DataFrame(columns: job.columns())
    }
}

/// Per-column merge work; iteration `column` touches only that column's slot.
private final class MergeJob: @unchecked Sendable {
    private let names: [String]
    private let parts: UnsafeMutablePointer<[CSVColumnPart]>
    private let results: UnsafeMutablePointer<Column?>
    let chunkCount: Int

    init(names: [String], partsByChunk: [[CSVColumnPart]]) {
        self.names = names
        chunkCount = partsByChunk.count
        parts = .allocate(capacity: names.count)
        results = .allocate(capacity: names.count)
        for column in names.indices {
            (parts + column).initialize(to: partsByChunk.map { $0[column] })
            (results + column).initialize(to: nil)
        }
    }

    deinit {
        parts.deinitialize(count: names.count)
        parts.deallocate()
        results.deinitialize(count: names.count)
        results.deallocate()
    }

    func merge(_ column: Int) {
        let pieces = parts[column]
        parts[column] = []
        results[column] = Self.merge(pieces, name: names[column])
    }

    func columns() -> [Column] {
        (0..<names.count).map { results[$0] ?? .numeric(NumericColumn(name: names[$0], values: [])) }
    }

    private static func merge(_ pieces: [CSVColumnPart], name: String) -> Column {
        var values = [Double]()
        var codes = [UInt32]()
        var dictionary = ByteDictionary()
        var isCategorical = false
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .numeric(let chunkValues):
                if index == 0 { values = chunkValues } else { values.append(contentsOf: chunkValues) }
            case .categorical(let chunkCodes, let chunkDictionary):
                isCategorical = true
                if index == 0 {
                    codes = chunkCodes
                    dictionary = chunkDictionary
                    continue
                }
                let mapping = dictionary.absorb(chunkDictionary)
                mapping.withUnsafeBufferPointer { map in
                    for code in chunkCodes {
                        codes.append(code == CategoricalColumn.missingCode ? code : map[Int(code)])
                    }
                }
            }
        }
        if isCategorical {
            return .categorical(CategoricalColumn(name: name, codes: codes, categories: dictionary.strings()))
        }
        return .numeric(NumericColumn(name: name, values: values))
    }
}
