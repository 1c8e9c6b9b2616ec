import Crypto

/// Appends parsed chunks, strictly in file order, to the frame's columns.
///
/// Checks that each chunk starts where the previous one ended (a speculative start
/// inside a quoted field is re-parsed from the real boundary), shifts chunk-relative
/// lines in errors, and keeps the byte range of every chunk so that rows merged as
/// numbers can be re-read as text if their column turns categorical later. Category
/// codes follow first appearance in the file, exactly as a single-threaded parse
/// would give. Also computes the content hash, from the chunks' windows in file
/// order (so the file is read once). Used by one thread at a time.
final class CSVMerger: @unchecked Sendable {
    private let settings: CSVSettings
    private let source: CSVSource
    private var columns: [CSVMergedColumn]
    /// Where the next chunk must start, and the file line there.
    private var expected: Int
    private var nextLine: Int
    /// The merged chunks' ranges: start offset, end offset, file line at the start.
    private var ranges: [(start: Int, end: Int, line: Int)] = []
    /// Per column, whether it is categorical so far (read by the pipeline as a hint).
    private(set) var categorical: [Bool]
    private var hasher = SHA256()
    /// The content hash the caller already knows; the bytes are then not hashed.
    private let knownDigest: String?

    /// `prefix` holds the bytes before the data (the header), to start the hash with;
    /// `knownDigest`, when given, is returned by ``contentDigest()`` instead of a hash.
    init(
        settings: CSVSettings, source: CSVSource, prefix: UnsafeBufferPointer<UInt8>, dataStart: CSVPosition, expectedRows: Int,
        knownDigest: String? = nil
    ) {
        self.settings = settings
        self.source = source
        self.knownDigest = knownDigest
        if knownDigest == nil { hasher.update(bufferPointer: UnsafeRawBufferPointer(prefix)) }
        expected = dataStart.offset
        nextLine = dataStart.line
        columns = settings.header.map { CSVMergedColumn(name: $0, expectedRows: expectedRows) }
        categorical = settings.header.map { settings.types[$0] == .categorical }
    }

    /// Merges the chunk parsed in `slot` (re-parsing it first if it did not start
    /// where the previous chunk ended). Throws the chunk's error, lines in the file.
    func merge(_ slot: CSVChunkSlot) throws(DataError) {
        try slot.hashNominalRange(into: &hasher, update: knownDigest == nil)
        if slot.chunk.start.offset != expected {
            guard expected < slot.limit else {
                // Already parsed with the previous chunk; what this parse saw is void.
                slot.chunk.forgetDictionaries()
                return
            }
            slot.reparse(from: expected, source: source, settings: settings, categorical: categorical)
        }
        if let error = slot.error { throw shifted(error) }
        let needText = columns.indices.filter { column in
            (columns[column].isCategorical || slot.chunk.isCategorical(column)) && slot.chunk.needsText(column)
        }
        if !needText.isEmpty {
            do {
                try slot.chunk.categorize(needText, window: slot.window, settings: settings)
            } catch {
                throw shifted(error)
            }
        }
        for column in columns.indices {
            slot.chunk.append(column: column, to: &columns[column], lineShift: nextLine - 1)
            categorical[column] = columns[column].isCategorical
        }
        let chunk = slot.chunk
        if chunk.end.offset > chunk.start.offset {
            ranges.append((chunk.start.offset, chunk.end.offset, nextLine))
        }
        expected = chunk.end.offset
        nextLine += chunk.end.line - 1
    }

    /// The SHA-256 of everything merged, as 64 lowercase hex digits.
    func contentDigest() -> String {
        knownDigest ?? Digest.hex(hasher.finalize())
    }

    /// The finished frame: re-reads the text of rows merged as numbers in columns
    /// that turned categorical later, then hands over the columns.
    func frame() throws(DataError) -> DataFrame {
        let limits = columns.map(\.pendingPrefixRows)
        if let most = limits.max(), most > 0 {
            let sink = try rescan(limits: limits)
            for column in columns.indices where limits[column] > 0 {
                columns[column].installPrefix(codes: sink.codes[column], dictionary: sink.dictionaries[column])
            }
        }
        badValues = columns.compactMap { column in
            column.firstBadLine.map { BadValueCount(file: "", column: column.name, count: column.badCount, firstLine: $0) }
        }
        let result = DataFrame(columns: columns.map { $0.column() })
        columns = []
        return result
    }

    /// Per lenient numeric column with values that were not numbers: the count and first line
    /// (`file` empty); set by ``frame()``.
    private(set) var badValues: [BadValueCount] = []

    /// Reads the merged ranges again, in order, until every column has its rows.
    private func rescan(limits: [Int]) throws(DataError) -> CSVRescanSink {
        var sink = CSVRescanSink(limits: limits, matcher: settings.matcher, header: settings.header)
        let window = CSVWindow()
        for range in ranges where sink.wantsMoreRecords {
            // One byte more than the range, so a final CR is seen with what follows it.
            try window.load(range.start..<min(range.end + 1, source.count), from: source)
            var scanner = CSVScanner(
                buffer: window.bytes, delimiter: settings.delimiter, columnCount: settings.header.count,
                isFinal: window.isFinal)
            let from = CSVPosition(offset: 0, line: range.line)
            _ = try scanner.scan(from: from, limit: range.end - range.start, into: &sink)
        }
        return sink
    }

    private func shifted(_ error: DataError) -> DataError {
        DataError(file: error.file, line: error.line.map { $0 + nextLine - 1 }, message: error.message)
    }
}
