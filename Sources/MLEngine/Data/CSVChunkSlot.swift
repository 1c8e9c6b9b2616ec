import Crypto

/// One chunk's byte range, as planned before parsing: records that start at or after
/// the first line start at or after `nominalStart` and before the first line start
/// at or after `nominalEnd` (exactly at those offsets when `exact`: the first chunk's
/// start, or a range re-parsed from known record boundaries).
struct CSVChunkTask: Sendable {
    var index: Int
    var nominalStart: Int
    var nominalEnd: Int
    var exactStart: Bool
    var exactEnd = false
}

/// The memory one chunk is parsed in (a window on the source and the column
/// builders), reused chunk after chunk, plus the outcome of the last parse.
final class CSVChunkSlot: @unchecked Sendable {
    /// Bytes read past a chunk's nominal end, for its last record; grown on demand.
    static let lookahead = 1 << 16

    let window: CSVWindow
    var chunk: CSVChunk
    private(set) var task = CSVChunkTask(index: 0, nominalStart: 0, nominalEnd: 0, exactStart: true)
    /// Where the next chunk starts (records starting here or later are not ours).
    private(set) var limit = 0
    /// The parse error, if any (lines relative to the chunk's start).
    private(set) var error: DataError?
    /// Whether ``window`` holds the task's whole nominal range (for the content hash).
    private var holdsNominalRange = false

    init(settings: CSVSettings, windowCapacity: Int) {
        window = CSVWindow(capacity: windowCapacity)
        chunk = CSVChunk(settings: settings)
    }

    /// Reads and parses `task`. Read failures and parse errors are kept in ``error``
    /// (the dictionaries are then forgotten: they may hold text that failed its check).
    func run(_ task: CSVChunkTask, source: CSVSource, settings: CSVSettings, categorical: [Bool]) {
        self.task = task
        error = nil
        holdsNominalRange = false
        // Until the real boundaries are known (a read may fail first).
        limit = task.nominalEnd
        chunk.reset(start: task.nominalStart, categorical: categorical)
        var lookahead = Self.lookahead
        while true {
            do {
                let windowEnd = min(source.count, max(task.nominalEnd, task.nominalStart) + lookahead)
                try window.load(task.nominalStart..<windowEnd, from: source)
                holdsNominalRange = true
                var start = task.nominalStart
                if !task.exactStart {
                    switch lineStart(atOrAfter: task.nominalStart, before: task.nominalEnd) {
                    case .found(let offset):
                        start = offset
                    case .noneBefore:
                        // No line starts in the nominal range: nothing to parse here (the
                        // previous chunk reads on to the next line start).
                        limit = task.nominalEnd
                        chunk.reset(start: task.nominalEnd, categorical: categorical)
                        return
                    case .needMore:
                        lookahead *= 4
                        continue
                    }
                }
                var end = min(task.nominalEnd, source.count)
                if !task.exactEnd && task.nominalEnd < source.count {
                    guard case .found(let offset) = lineStart(atOrAfter: task.nominalEnd, before: nil) else {
                        lookahead *= 4
                        continue
                    }
                    end = offset
                }
                limit = end
                chunk.reset(start: start, categorical: categorical)
                if try chunk.parse(window: window, settings: settings, limit: end) { return }
            } catch {
                self.error = error
                chunk.forgetDictionaries()
                return
            }
            chunk.forgetDictionaries()
            lookahead *= 4
        }
    }

    /// Adds the task's nominal range (the chunks' nominal ranges tile the data) to
    /// `hasher`, from the window; call before ``reparse(from:source:settings:categorical:)``.
    /// With `update` false, only checks that the range was read (the caller knows the hash).
    func hashNominalRange(into hasher: inout SHA256, update: Bool = true) throws(DataError) {
        guard holdsNominalRange else {
            throw error ?? DataError(file: "", message: "internal error: chunk \(task.index) was not read")
        }
        guard update else { return }
        let count = min(task.nominalEnd, window.end) - task.nominalStart
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: window.base, count: max(count, 0)))
    }

    /// Parses again from `start` (a real record start) up to the same ``limit``,
    /// with fresh dictionaries (the thrown-away parse may have added texts).
    func reparse(from start: Int, source: CSVSource, settings: CSVSettings, categorical: [Bool]) {
        let limit = self.limit
        chunk.forgetDictionaries()
        run(
            CSVChunkTask(index: task.index, nominalStart: start, nominalEnd: limit, exactStart: true, exactEnd: true),
            source: source, settings: settings, categorical: categorical)
    }

    private enum LineStart {
        case found(Int)
        case noneBefore
        case needMore
    }

    /// Where the first line after `offset` starts: after the first LF, CR or CRLF at or
    /// after it (the source's end if there is none). `noneBefore` when there is no line
    /// break before `bound`; `needMore` when the window ends too early to tell. A guess
    /// (the break may be inside a quoted field); the merge checks it.
    private func lineStart(atOrAfter offset: Int, before bound: Int?) -> LineStart {
        let base = window.base
        var index = offset - window.start
        let limit = bound.map { $0 - window.start } ?? Int.max
        while index < window.count {
            if index >= limit { return .noneBefore }
            let byte = base[index]
            if byte == CSVScanner.lineFeed { return .found(window.start + index + 1) }
            if byte == CSVScanner.carriageReturn {
                if index + 1 < window.count {
                    return .found(window.start + index + (base[index + 1] == CSVScanner.lineFeed ? 2 : 1))
                }
                return window.isFinal ? .found(window.end) : .needMore
            }
            index += 1
        }
        if index >= limit { return .noneBefore }
        return window.isFinal ? .found(window.end) : .needMore
    }
}
