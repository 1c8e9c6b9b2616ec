import Foundation
import NotebookFormat

/// Runs a sweep's runs as one Slurm job array: task `i` runs `labbook run NB -p … --report-name
/// NAME` for the `i`-th parameter set, with the same state folder, store and output folder.
///
/// The batch script, the tasks' results and logs go to `STATE/slurm/NAME-ID/` (kept when a
/// task failed, removed otherwise). The state folder, the output folder and the notebook must
/// be on a filesystem every node shares, at the same path; tasks start in this process's folder.
/// A task that leaves no result (it failed before its run was over, was cancelled or preempted)
/// is submitted once more in a second array; if it fails again its run is reported as failed
/// (exit 1) with why. See ``SlurmResults`` for the retry rule.
public struct SlurmSweepExecutor: SweepExecutor {
    /// The cluster, the binary and how to wait.
    public var slurm: SlurmSettings

    /// An executor whose tasks run `labbook`; see ``SlurmSettings`` for the rest.
    public init(
        labbook: String, partition: String? = nil, maxParallel: Int? = nil, faultDirectory: String? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        slurm = SlurmSettings(labbook: labbook, partition: partition, maxParallel: maxParallel, faultDirectory: faultDirectory, log: log)
    }

    /// Submits the array, waits for it, resubmits tasks that left no result once, and returns the runs.
    public func execute(_ jobs: [SweepJob], finished: ((SweepOutcome.Run) -> Void)?) throws(SweepExecutorError) -> [SweepOutcome.Run] {
        guard let first = jobs.first else { return [] }
        let paths = NotebookPaths(first.options)
        let work = slurm.workFolder(state: paths.stateDirectory, name: paths.notebookName)
        let results = SlurmResults(directory: work)
        let array = try slurm.jobArray(
            tasks: jobs.indices.map { SlurmTaskArguments.make(jobs[$0].options, resultFile: results.resultPath($0)) },
            work: work, jobName: "labbook-\(paths.notebookName)")
        let pending: [Int]
        do {
            pending = try array.run(Array(jobs.indices)) { results.result($0) != nil }
        } catch {
            // The array could not run: leave no work folder behind unless a task left a log.
            if !results.hasLogs { try? FileManager.default.removeItem(atPath: work) }
            throw error
        }
        let runs: [SweepOutcome.Run] = jobs.indices.map { index in
            let job = jobs[index]
            guard let result = results.result(index) else {
                let failure = results.failure(index)
                let problem = Diagnostic(
                    file: job.reportName, location: nil, message: failure, hint: "see \(results.logPath(index, attempt: 2))")
                let outcome = RunOutcome(exitCode: 1, diagnostics: [problem], steps: [], reportPaths: [], timingNotes: [], seconds: 0)
                return SweepOutcome.Run(assignment: job.assignment, reportName: job.reportName, outcome: outcome, failure: failure)
            }
            return SweepOutcome.Run(assignment: job.assignment, reportName: job.reportName, outcome: result.outcome)
        }
        for run in runs { finished?(run) }
        if pending.isEmpty { try? FileManager.default.removeItem(atPath: work) }
        return runs
    }
}
