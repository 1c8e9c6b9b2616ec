import Foundation
import MLEngine
import Synchronization

/// The prediction log: JSON Lines appended to `DIR/predictions.jsonl`, buffered in memory
/// and written by a timer (or when the buffer grows past ``flushThreshold``), rotated by size
/// to `predictions.1.jsonl` (newest) … `predictions.KEEP.jsonl`, older ones deleted.
///
/// A request only appends to the buffer under a lock; the file is written outside it.
final class PredictionLog: Sendable {
    /// The engine's reader (what `monitor` uses) names the same file.
    static let fileName = PredictionLogReader.fileName

    let directory: String
    let maxBytes: Int
    let keep: Int
    let flushThreshold = 256 << 10
    private let pending = Mutex<[UInt8]>([])
    private let file: Mutex<LogFile>

    init(directory: String, maxBytes: Int, keep: Int) throws {
        self.directory = directory
        self.maxBytes = max(maxBytes, 1)
        self.keep = max(keep, 0)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        file = Mutex(try LogFile(path: directory + "/" + Self.fileName))
    }

    /// The current log file's path.
    var path: String { directory + "/" + Self.fileName }

    /// Appends complete lines (each ending in `\n`).
    func append(_ lines: [UInt8]) {
        let full = pending.withLock { buffer in
            buffer.append(contentsOf: lines)
            return buffer.count >= flushThreshold
        }
        if full { flush() }
    }

    /// Writes out what is buffered, rotating first when the file would pass ``maxBytes``.
    func flush() {
        file.withLock { file in
            let bytes = pending.withLock { buffer in
                let taken = buffer
                buffer.removeAll(keepingCapacity: true)
                return taken
            }
            guard !bytes.isEmpty else { return }
            if file.size > 0, file.size + bytes.count > maxBytes { rotate(&file) }
            file.write(bytes)
        }
    }

    /// `predictions.jsonl` → `.1`, `.1` → `.2`, …; the one past ``keep`` is deleted.
    private func rotate(_ file: inout LogFile) {
        file.close()
        let manager = FileManager.default
        func rotated(_ index: Int) -> String { directory + "/predictions.\(index).jsonl" }
        if keep == 0 {
            try? manager.removeItem(atPath: path)
        } else {
            try? manager.removeItem(atPath: rotated(keep))
            if keep > 1 {
                for index in stride(from: keep - 1, through: 1, by: -1) where manager.fileExists(atPath: rotated(index)) {
                    _ = rename(rotated(index), rotated(index + 1))
                }
            }
            _ = rename(path, rotated(1))
        }
        if let reopened = try? LogFile(path: path) { file = reopened }
    }
}
