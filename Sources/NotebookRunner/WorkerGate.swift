import Foundation

/// Serialises access to a run's workspace and drops writes from abandoned workers.
///
/// A directive stopped by its time limit keeps running on its worker thread until it finishes
/// or the process exits. Every workspace read and write goes through this gate's lock, and a
/// write made on a worker that `TimeLimit` has abandoned is silently dropped, so a late result
/// can neither race with the run that moved on nor change its report.
enum WorkerGate {
    /// Marks one worker thread; set once, under the gate's lock, when its caller stops waiting.
    final class Token: @unchecked Sendable {
        fileprivate var abandoned = false
    }

    private static let lock = NSLock()
    private static let key = "labbook.worker-gate.token"

    /// Tags the current thread (a worker) with `token`.
    static func enter(_ token: Token) {
        Thread.current.threadDictionary[key] = token
    }

    /// From now on, writes made on the worker tagged with `token` are dropped.
    static func abandon(_ token: Token) {
        lock.withLock { token.abandoned = true }
    }

    static func read<T>(_ body: () -> T) -> T {
        lock.withLock(body)
    }

    static func write(_ body: () -> Void) {
        lock.withLock {
            if (Thread.current.threadDictionary[key] as? Token)?.abandoned == true { return }
            body()
        }
    }
}
