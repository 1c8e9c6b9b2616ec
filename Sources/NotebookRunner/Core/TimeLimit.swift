import Foundation

/// The per-directive and whole-run time limits (`--timeout`, `--run-timeout`).
///
/// Directives are synchronous, so a limited directive runs on a worker thread while the
/// caller waits with a deadline. On timeout the caller stops waiting and records the failure;
/// the abandoned worker is left to finish or to die with the process, and its result, when it
/// comes, is dropped. The work must return its result rather than write shared state (a
/// directive returns a ``DirectiveResult`` and reads only its own ``DirectiveContext``), so
/// nothing a late worker does can reach the run. Without limits the work runs inline on the
/// caller's thread.
///
/// ```swift
/// let limit = TimeLimit(directiveSeconds: 30, runSeconds: nil)
/// let outputs = try limit.run { try directive.execute(in: context) }
/// ```
struct TimeLimit: Sendable {
    /// The longest one directive may run, in seconds.
    var directiveSeconds: Double?
    /// The longest the whole run may take, in seconds, counted from `init`.
    var runSeconds: Double?
    private let started = ContinuousClock.now

    init(directiveSeconds: Double? = nil, runSeconds: Double? = nil) {
        self.directiveSeconds = directiveSeconds
        self.runSeconds = runSeconds
    }

    /// Why no further directive may start (the run's limit is spent), or `nil`.
    var exhaustion: String? {
        guard let runSeconds, remainingRunSeconds ?? 1 <= 0 else { return nil }
        return "the run's time limit of \(Self.describe(runSeconds)) was reached"
    }

    /// Runs `work`, waiting at most the directive's limit and what is left of the run's.
    /// Throws `TimeLimitExceeded` when the deadline passes first.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) throws -> T {
        let directive = directiveSeconds
        let remaining = remainingRunSeconds
        guard directive != nil || remaining != nil else { return try work() }
        let byRun = remaining.map { run in directive.map { run < $0 } ?? true } ?? false
        let seconds = max(0, min(directive ?? .infinity, remaining ?? .infinity))
        let timeout = TimeLimitExceeded(
            message: byRun
                ? "timed out: " + (exhaustion ?? "the run's time limit of \(Self.describe(runSeconds ?? 0)) was reached")
                : "timed out after \(Self.describe(directive ?? seconds))")
        guard seconds > 0 else { throw timeout }
        let outcome = _WorkerResult<T>()
        let finished = DispatchSemaphore(value: 0)
        let worker = Thread {
            outcome.store(Result { try work() })
            finished.signal()
        }
        worker.stackSize = 64 << 20
        worker.start()
        guard finished.wait(timeout: .now() + seconds) == .success, let result = outcome.value else {
            outcome.abandon()
            throw timeout
        }
        return try result.get()
    }

    private var remainingRunSeconds: Double? {
        guard let runSeconds else { return nil }
        return runSeconds - Runner.seconds(since: started)
    }

    /// `30 s`, `0.5 s`: the limit as the user gave it.
    static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// A directive that ran past its time limit (shown as its failure message).
struct TimeLimitExceeded: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The result a worker thread hands back, guarded by a lock; once the caller has stopped
/// waiting, a late result is dropped.
final class _WorkerResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?
    private var abandoned = false

    func store(_ result: Result<T, any Error>) {
        lock.withLock { if !abandoned { stored = result } }
    }

    func abandon() {
        lock.withLock {
            abandoned = true
            stored = nil
        }
    }

    var value: Result<T, any Error>? { lock.withLock { stored } }
}
