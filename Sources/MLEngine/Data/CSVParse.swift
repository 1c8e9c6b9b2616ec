import Foundation

/// Drives one parse: header and option checks, the chunk plan, the pipeline that
/// parses, hashes and merges, then the finished frame.
enum CSVParse {
    /// Data sections smaller than this are parsed in one chunk on the calling thread.
    static let parallelThreshold = 1 << 18
    /// Chunk size bounds for large data sections.
    static let minimumChunk = 1 << 17
    static let maximumChunk = 1 << 21

    /// `knownContentHex`, when given, is returned as the content hash and the bytes are not hashed.
    static func run(
        source: CSVSource, options: CSVOptions, chunkCount requested: Int? = nil, knownContentHex: String? = nil
    ) throws(DataError) -> (DataFrame, String, [BadValueCount]) {
        try check(options.delimiter)
        let (names, dataStart, sampleRows, headerWindow) = try CSVHeader.read(source, delimiter: options.delimiter)
        for name in options.columnTypes.keys.sorted() where !names.contains(name) {
            throw DataError(file: "", message: "a column type is given for `\(name)`, but the header has no such column")
        }
        let settings = CSVSettings(
            delimiter: options.delimiter, matcher: CSVMissingMatcher(markers: options.missingMarkers),
            header: names, types: options.columnTypes, lenientNumbers: options.badNumbers == .missing)
        let dataBytes = source.count - dataStart.offset
        let processors = ProcessInfo.processInfo.activeProcessorCount
        let tasks = plan(dataStart: dataStart.offset, end: source.count, requested: requested)
        let parallel = processors > 1 && (requested.map { $0 > 1 } ?? (dataBytes >= parallelThreshold))
        let workers = parallel ? min(processors, 8) : 1
        let expectedRows = sampleRows.map { Int(Double($0) * 1.15) + 64 } ?? 0
        let merger = CSVMerger(
            settings: settings, source: source,
            prefix: UnsafeBufferPointer(start: headerWindow.base, count: dataStart.offset), dataStart: dataStart,
            expectedRows: expectedRows, knownDigest: knownContentHex)
        let chunkBytes = tasks.map { $0.nominalEnd - $0.nominalStart }.max() ?? 0
        let pipeline = CSVPipeline(
            source: source, settings: settings, tasks: tasks, merger: merger,
            slots: min(tasks.count, workers + 1), windowCapacity: chunkBytes + CSVChunkSlot.lookahead)
        try pipeline.run(workers: workers)
        let frame = try merger.frame()
        return (frame, merger.contentDigest(), merger.badValues)
    }

    private static func check(_ delimiter: UInt8) throws(DataError) {
        let forbidden: [UInt8] = [CSVScanner.quote, CSVScanner.lineFeed, CSVScanner.carriageReturn]
        if forbidden.contains(delimiter) || delimiter >= 0x80 {
            throw DataError(file: "", message: "the delimiter must be an ASCII character other than a quote or a line break")
        }
    }

    /// The chunks of the data section `[dataStart, end)`: `requested` equal shares, or
    /// by default pieces of an eighth of the data between ``minimumChunk`` and
    /// ``maximumChunk`` bytes (one piece below ``parallelThreshold``).
    static func plan(dataStart: Int, end: Int, requested: Int?) -> [CSVChunkTask] {
        let size = max(end - dataStart, 0)
        var nominal: [Int]
        if let requested {
            let count = max(requested, 1)
            nominal = (0..<count).map { dataStart + size / count * $0 }
        } else if size < parallelThreshold {
            nominal = [dataStart]
        } else {
            let piece = min(max(size / 8, minimumChunk), maximumChunk)
            nominal = Array(stride(from: dataStart, to: end, by: piece))
        }
        var starts = [Int]()
        for offset in nominal where offset < end || starts.isEmpty {
            if let last = starts.last, offset <= last { continue }
            starts.append(offset)
        }
        return starts.indices.map { index in
            CSVChunkTask(
                index: index, nominalStart: starts[index],
                nominalEnd: index + 1 < starts.count ? starts[index + 1] : end, exactStart: index == 0)
        }
    }
}
