import Dispatch
import Foundation

/// Drives one parse: header, option checks, the data section in one or several
/// chunks (in parallel for large files, with the content hash computed alongside),
/// then the merge into a frame.
enum CSVParse {
    /// Data sections at least this large are split across threads.
    static let parallelThreshold = 4 << 20

    static func run(
        buffer: UnsafeBufferPointer<UInt8>, options: CSVOptions, chunkCount requested: Int? = nil
    ) throws(DataError) -> (DataFrame, String) {
        try check(options.delimiter)
        let (names, dataStart) = try CSVHeader.parse(buffer, delimiter: options.delimiter)
        for name in options.columnTypes.keys.sorted() where !names.contains(name) {
            throw DataError(file: "", message: "a column type is given for `\(name)`, but the header has no such column")
        }
        let settings = CSVSettings(
            delimiter: options.delimiter, matcher: CSVMissingMatcher(markers: options.missingMarkers),
            header: names, types: options.columnTypes)
        let dataBytes = buffer.count - dataStart.offset
        let processors = ProcessInfo.processInfo.activeProcessorCount
        // Two chunks per processor: enough to keep the threads busy beside the hash,
        // few enough to keep the merge (which copies all but the first chunk) small.
        let wanted = requested ?? (dataBytes >= parallelThreshold && processors > 1 ? min(processors * 2, 16) : 1)
        let starts = chunkStarts(buffer, from: dataStart.offset, count: max(wanted, 1))
        let expectedRows = estimateRows(buffer, from: dataStart.offset)

        let job = ParallelJob(buffer: buffer, starts: starts, dataStart: dataStart, settings: settings, expectedRows: expectedRows)
        if starts.count == 1 && (buffer.count < 1 << 20 || processors < 2) {
            for iteration in 0...1 { job.work(iteration) }
        } else {
            DispatchQueue.concurrentPerform(iterations: starts.count + 1) { job.work($0) }
        }
        defer { job.release() }
        let chunks = try job.validatedChunks()
        let frame = try CSVAssembler.frame(from: chunks, buffer: buffer, settings: settings)
        return (frame, job.digest)
    }

    private static func check(_ delimiter: UInt8) throws(DataError) {
        let forbidden: [UInt8] = [CSVScanner.quote, CSVScanner.lineFeed, CSVScanner.carriageReturn]
        if forbidden.contains(delimiter) || delimiter >= 0x80 {
            throw DataError(file: "", message: "the delimiter must be an ASCII character other than a quote or a line break")
        }
    }

    /// Offsets where chunks start: the data start, then the start of the first line
    /// after each equal share of the bytes (speculative: may fall inside a quoted field).
    static func chunkStarts(_ buffer: UnsafeBufferPointer<UInt8>, from dataStart: Int, count: Int) -> [Int] {
        var starts = [dataStart]
        let size = buffer.count - dataStart
        guard count > 1, size > 0 else { return starts }
        for part in 1..<count {
            var offset = dataStart + size / count * part
            guard let last = starts.last, offset > last else { continue }
            while offset < buffer.count && buffer[offset] != CSVScanner.lineFeed { offset += 1 }
            offset += 1
            if offset < buffer.count && offset > (starts.last ?? 0) { starts.append(offset) }
        }
        return starts
    }

    /// A rough row count from the line breaks in the first 64 KiB, for reserving capacity.
    static func estimateRows(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let sampleEnd = min(buffer.count, start + (1 << 16))
        guard sampleEnd > start else { return 0 }
        var lines = 0
        for index in start..<sampleEnd where buffer[index] == CSVScanner.lineFeed { lines += 1 }
        let perLine = Double(sampleEnd - start) / Double(max(lines, 1))
        return Int(Double(buffer.count - start) / perLine * 1.05) + 16
    }
}

/// The state shared by the threads of one parallel parse. Each iteration writes
/// only its own slot; the caller reads the slots after `concurrentPerform` returns.
private final class ParallelJob: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    let starts: [Int]
    let dataStart: CSVPosition
    let settings: CSVSettings
    let expectedRows: Int
    private let slots: UnsafeMutablePointer<Result<CSVChunk, DataError>?>
    private(set) var digest = ""

    init(buffer: UnsafeBufferPointer<UInt8>, starts: [Int], dataStart: CSVPosition, settings: CSVSettings, expectedRows: Int) {
        self.buffer = buffer
        self.starts = starts
        self.dataStart = dataStart
        self.settings = settings
        self.expectedRows = expectedRows
        slots = .allocate(capacity: starts.count)
        slots.initialize(repeating: nil, count: starts.count)
    }

    func release() {
        slots.deinitialize(count: starts.count)
        slots.deallocate()
    }

    /// Iteration 0 hashes the bytes (first, as it is the longest single task);
    /// iteration `i > 0` parses chunk `i - 1`.
    func work(_ iteration: Int) {
        guard iteration > 0 else {
            digest = Digest.sha256Hex(UnsafeRawBufferPointer(buffer))
            return
        }
        let index = iteration - 1
        slots[index] = Result { () throws(DataError) in
            var chunk = makeChunk(index)
            try chunk.parse(buffer: buffer, settings: settings, limit: limit(of: index))
            return chunk
        }
    }

    private func makeChunk(_ index: Int) -> CSVChunk {
        // The first chunk is sized for the whole file: the merge appends the others to it.
        let start = index == 0 ? dataStart : CSVPosition(offset: starts[index], line: 1)
        let rows = index == 0 ? expectedRows : expectedRows / starts.count + 16
        return CSVChunk(start: start, columns: settings.header, types: settings.types, expectedRows: rows)
    }

    private func limit(of index: Int) -> Int {
        index + 1 < starts.count ? starts[index + 1] : buffer.count
    }

    /// The chunks in file order, after checking each speculative start against where
    /// the previous chunk really ended (re-parsing sequentially where it did not).
    /// Throws the first error in file order.
    func validatedChunks() throws(DataError) -> [CSVChunk] {
        var accepted = [CSVChunk]()
        var lineOffsets = [Int]()
        for index in 0..<starts.count {
            let result = slots[index] ?? .failure(DataError(file: "", message: "internal error: chunk \(index) was not parsed"))
            guard var previous = accepted.last, let previousOffset = lineOffsets.last else {
                accepted.append(try result.get())
                lineOffsets.append(0)
                continue
            }
            if previous.end.offset == starts[index] {
                let lineOffset = previousOffset + previous.end.line - 1
                switch result {
                case .success(let chunk):
                    accepted.append(chunk)
                    lineOffsets.append(lineOffset)
                case .failure(let error):
                    throw Self.shifted(error, by: lineOffset)
                }
            } else if previous.end.offset < limit(of: index) {
                do {
                    try previous.parse(buffer: buffer, settings: settings, limit: limit(of: index))
                } catch {
                    throw Self.shifted(error, by: previousOffset)
                }
                accepted[accepted.count - 1] = previous
            }
        }
        return accepted
    }

    private static func shifted(_ error: DataError, by lines: Int) -> DataError {
        DataError(file: error.file, line: error.line.map { $0 + lines }, message: error.message)
    }
}
