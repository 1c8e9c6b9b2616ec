import Foundation

/// One Slurm job array: its batch script in a work folder, submitted with `sbatch`, waited
/// for with `squeue`, and the tasks that left no result submitted once more.
///
/// Shared by the sweep executor (task `i` is run `i`) and the search executor (task `i` is
/// trial `i` of a batch); what counts as a result is theirs to say.
struct SlurmJobArray {
    let sbatch: SlurmTool
    let squeue: SlurmTool
    let scancel: SlurmTool?
    let submission: SlurmSubmission
    let results: SlurmResults
    let pollInterval: Double
    /// Cancel the array when none of its tasks has left the queue for this long; `nil` to wait forever.
    let pendingTimeout: Double?
    let log: (@Sendable (String) -> Void)?

    /// `sbatch`, `squeue` (and `scancel`, optional) on `searchPath`.
    static func tools(searchPath: String?) throws(SweepExecutorError) -> (sbatch: SlurmTool, squeue: SlurmTool, scancel: SlurmTool?) {
        guard let sbatch = SlurmTool("sbatch", searchPath: searchPath), let squeue = SlurmTool("squeue", searchPath: searchPath)
        else {
            throw SweepExecutorError("the Slurm executor needs `sbatch` and `squeue` on PATH and they are not there (install Slurm, or use --executor local)")
        }
        return (sbatch, squeue, SlurmTool("scancel", searchPath: searchPath))
    }

    /// Writes `script` as the executable `array.sh` of the work folder; its path.
    static func writeScript(_ script: SlurmArrayScript) throws(SweepExecutorError) -> String {
        let path = (script.workDirectory as NSString).appendingPathComponent("array.sh")
        do {
            try FileManager.default.createDirectory(atPath: script.workDirectory, withIntermediateDirectories: true)
            try Data(script.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch {
            throw SweepExecutorError("cannot write the Slurm batch script \(path): \(error.localizedDescription)")
        }
        return path
    }

    /// Runs tasks `indices`, then once more those for which `finished` is still false; returns
    /// the tasks that left no result twice. Nothing ran when it throws.
    func run(_ indices: [Int], finished: (Int) -> Bool) throws(SweepExecutorError) -> [Int] {
        var pending = indices
        for attempt in 1...2 where !pending.isEmpty {
            if attempt > 1 {
                log?("slurm: \(pending.count) task\(pending.count == 1 ? "" : "s") left no result; submitting \(pending.count == 1 ? "it" : "them") once more")
            }
            let arguments = submission.arguments(indices: pending, log: results.logPattern(attempt: attempt))
            let job = try submit(arguments)
            log?("slurm: job array \(job) (\(pending.count) task\(pending.count == 1 ? "" : "s")), logs in \(results.directory)")
            try wait(for: job)
            pending = pending.filter { !finished($0) }
        }
        return pending
    }

    /// Submits the array; its job id, or why Slurm rejected it.
    private func submit(_ arguments: [String]) throws(SweepExecutorError) -> String {
        let result = try sbatch.run(arguments)
        guard result.status == 0, let job = SlurmSubmission.jobID(parsable: result.output) else {
            let reason = result.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            throw SweepExecutorError("sbatch rejected the job array (exit \(result.status)): \(reason.isEmpty ? result.output : reason)")
        }
        return job
    }

    /// Returns once `squeue` no longer lists any task of `job`; cancels it and throws when it
    /// stays queued without progress for longer than `pendingTimeout`.
    private func wait(for job: String) throws(SweepExecutorError) {
        var unanswered = 0
        var progressed = ContinuousClock.now
        var listed = Int.max
        var announced = false
        while true {
            let result = try squeue.run(["-h", "-j", job, "-o", "%i|%T|%r"])
            if result.status == 0 {
                let tasks = SlurmQueueLine.parse(result.output)
                if tasks.isEmpty { return }
                unanswered = 0
                if tasks.count < listed || tasks.contains(where: { $0.state != "PENDING" }) {
                    progressed = ContinuousClock.now
                    listed = tasks.count
                }
                let waited = Duration.seconds(ContinuousClock.now - progressed)
                let reason = tasks.first?.reason ?? "unknown"
                if waited > 60, !announced {
                    log?("slurm: job array \(job) has waited \(Int(waited)) s in the queue (reason: \(reason))")
                    announced = true
                }
                if let pendingTimeout, waited > pendingTimeout {
                    _ = try? scancel?.run([job])
                    throw SweepExecutorError(
                        "job array \(job) waited \(Int(waited)) s in the queue without a task starting (reason: \(reason)); it was cancelled (raise --pending-timeout, or check the partition)")
                }
            } else if result.errorOutput.contains("Invalid job id") {
                return  // Slurm already forgot the finished job.
            } else {
                unanswered += 1
                if Double(unanswered) * pollInterval > 120 {
                    throw SweepExecutorError("squeue cannot tell whether job \(job) is done: \(result.errorOutput)")
                }
            }
            Thread.sleep(forTimeInterval: pollInterval)
        }
    }
}

/// One line of `squeue -o "%i|%T|%r"`: a task's id, state and the reason it waits.
struct SlurmQueueLine: Equatable {
    var id: String
    var state: String
    var reason: String

    static func parse(_ output: String) -> [SlurmQueueLine] {
        output.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let id = fields.first, !id.isEmpty else { return nil }
            return SlurmQueueLine(
                id: id, state: fields.count > 1 ? fields[1] : "", reason: fields.count > 2 ? fields[2] : "")
        }
    }
}
