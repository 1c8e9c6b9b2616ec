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
    /// The `labbook` executable the tasks run (usually the running one, `/proc/self/exe`).
    public var labbook: String
    /// `sbatch --partition`; `nil` for the cluster's default partition.
    public var partition: String?
    /// At most this many tasks run at once (`--array=0-9%N`); `nil` for no limit.
    public var maxParallel: Int?
    /// Test-only: a folder passed to the tasks as `LABBOOK_SLURM_FAULTS` (see ``SlurmArrayScript``).
    public var faultDirectory: String?
    /// How often `squeue` is asked whether the array is done, in seconds.
    public var pollInterval: Double = 0.5
    /// Cancel an array none of whose tasks leaves the queue for this many seconds (a partition
    /// that is down, a request no node can meet); `nil` to wait as long as it takes.
    public var pendingTimeout: Double?
    /// Where `sbatch` and `squeue` are looked for; `nil` for `PATH`.
    var toolSearchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    /// Called with progress lines for the terminal (job ids, retries).
    public var log: (@Sendable (String) -> Void)?

    /// An executor whose tasks run `labbook`; see the properties for the rest.
    public init(
        labbook: String, partition: String? = nil, maxParallel: Int? = nil, faultDirectory: String? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.labbook = labbook
        self.partition = partition
        self.maxParallel = maxParallel
        self.faultDirectory = faultDirectory
        self.log = log
    }

    /// Submits the array, waits for it, resubmits tasks that left no result once, and returns the runs.
    public func execute(_ jobs: [SweepJob], finished: ((SweepOutcome.Run) -> Void)?) throws(SweepExecutorError) -> [SweepOutcome.Run] {
        guard let first = jobs.first else { return [] }
        let tools = try SlurmJobArray.tools(searchPath: toolSearchPath)
        let current = FileManager.default.currentDirectoryPath
        let paths = NotebookPaths(first.options)
        let work = Self.absolute(
            ((paths.stateDirectory as NSString).appendingPathComponent("slurm") as NSString)
                .appendingPathComponent("\(paths.notebookName)-\(UUID().uuidString.prefix(8).lowercased())"),
            in: current)
        let results = SlurmResults(directory: work)
        let script = SlurmArrayScript(
            labbook: Self.absolute(labbook, in: current), workDirectory: work,
            tasks: jobs.indices.map { SlurmTaskArguments.make(jobs[$0].options, resultFile: results.resultPath($0)) })
        let scriptPath = try SlurmJobArray.writeScript(script)
        let array = SlurmJobArray(
            sbatch: tools.sbatch, squeue: tools.squeue, scancel: tools.scancel,
            submission: SlurmSubmission(
                script: scriptPath, workingDirectory: current, jobName: "labbook-\(paths.notebookName)", partition: partition,
                maxParallel: maxParallel, faultDirectory: faultDirectory),
            results: results, pollInterval: pollInterval, pendingTimeout: pendingTimeout, log: log)
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

    private static func absolute(_ path: String, in folder: String) -> String {
        ((path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)) as NSString).standardizingPath
    }
}
