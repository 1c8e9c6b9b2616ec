#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import MLEngine

/// Times full ``CSVReader/read(path:displayName:options:)`` calls on one file.
enum CSVBenchmark {
    /// Starts the process's one-time machinery before any timing, as importing pandas
    /// does before it is timed: the Swift runtime's type metadata for the reader and
    /// the Dispatch worker threads. Touches no benchmark file.
    static func warmUpProcess() {
        _ = try? CSVReader.parse(bytes: Array("a,b\n1,x\n".utf8), displayName: "warm-up")
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in }
    }

    /// Reads the file once untimed (page-cache warm-up, no parse), then loads it
    /// `repeats` times; each result is dropped before the next load.
    static func measure(path: String, repeats: Int) throws(DataError) -> CSVBenchResult {
        warmPageCache(path)
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        var shape = (rows: 0, columns: 0)
        var byteCount = 0
        var content = ""
        for _ in 0..<repeats {
            let cpuStart = ProcessUsage.cpuSeconds()
            let start = ProcessUsage.now()
            let loaded = try CSVReader.read(path: path, displayName: path)
            seconds.append(ProcessUsage.now() - start)
            cpuSeconds.append(ProcessUsage.cpuSeconds() - cpuStart)
            shape = (loaded.frame.rowCount, loaded.frame.columns.count)
            byteCount = loaded.byteCount
            content = loaded.fingerprint.content
        }
        return CSVBenchResult(
            file: path, bytes: byteCount, rows: shape.rows, columns: shape.columns, contentHash: content,
            seconds: seconds, cpuSeconds: cpuSeconds)
    }

    /// Reads every byte of the file into a small reused buffer and discards it.
    private static func warmPageCache(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let got = read(descriptor, buffer, size)
            if got > 0 { continue }
            if got < 0 && errno == EINTR { continue }
            break
        }
    }
}
