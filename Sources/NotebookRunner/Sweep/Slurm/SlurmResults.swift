import Foundation

/// The files a sweep's array tasks leave in the work folder: `i.result.json` (a
/// ``SweepTaskResult``, written by `labbook run --result-file` when the run is over) and
/// `i.status` (the task's exit status, written by the array script).
///
/// A task without a readable result did not finish its run — it failed before or while
/// running, was cancelled, preempted or lost with its node — and is submitted once more.
/// A task whose run finished has its result, whatever its exit code: a notebook that fails
/// fails the same way again, exactly as with the local executor, and is not retried.
struct SlurmResults {
    let directory: String

    func resultPath(_ index: Int) -> String { path("\(index).result.json") }
    func statusPath(_ index: Int) -> String { path("\(index).status") }
    /// The log of one attempt of one task (Slurm's `%a` pattern names the array index).
    func logPattern(attempt: Int) -> String { path("%a.attempt\(attempt).log") }
    func logPath(_ index: Int, attempt: Int) -> String { path("\(index).attempt\(attempt).log") }

    /// Where trial `index` of a search batch writes its ``SearchTrialWire/Result``.
    func trialResultPath(_ index: Int) -> String { path("\(index).trial.json") }

    func result(_ index: Int) -> SweepTaskResult? {
        SweepTaskResult.read(from: resultPath(index))
    }

    /// The exit status the array script recorded for task `index`; `nil` when it recorded none
    /// (the task was killed, or never started).
    func status(_ index: Int) -> Int32? {
        guard let text = try? String(contentsOfFile: statusPath(index), encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether any task wrote a log (so the folder is worth keeping for the user to read).
    var hasLogs: Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).contains { $0.hasSuffix(".log") }
    }

    /// What the report says of a task that left no result after its retry.
    func failure(_ index: Int) -> String {
        let status = status(index).map { "exit status \($0)" } ?? "no exit status: killed, preempted or lost"
        return "its Slurm task ended without a result twice (\(status))"
    }

    private func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
