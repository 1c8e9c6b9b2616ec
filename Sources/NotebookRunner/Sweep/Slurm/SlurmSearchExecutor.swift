import Foundation
public import MLEngine

/// Scores a search's trials as Slurm job arrays: each batch the search proposes (all of a grid
/// or random search, a halving rung, two `tpe` trials, one `auto` trial) is one array whose
/// task `i` runs `labbook run NB --trial-of NAME …` to score trial `i` with the same notebook,
/// parameters and shared state, so with the same folds and seed as this process would.
///
/// The batch's requests, results and logs go to `STATE/slurm/NAME-search-MODEL-ID/` (kept when
/// a trial was lost, removed otherwise). A task that leaves no result is submitted once more;
/// if it fails again its trial is reported as failed, with why. The state folder and the
/// notebook must be on a filesystem every node shares, at the same path.
public struct SlurmSearchExecutor: SearchTrialExecutor {
    /// The `labbook` executable the tasks run (usually the running one).
    public var labbook: String
    /// `sbatch --partition`; `nil` for the cluster's default partition.
    public var partition: String?
    /// At most this many tasks run at once; `nil` for no limit.
    public var maxParallel: Int?
    /// Test-only: a folder passed to the tasks as `LABBOOK_SLURM_FAULTS` (see ``SlurmArrayScript``).
    public var faultDirectory: String?
    /// How often `squeue` is asked whether an array is done, in seconds.
    public var pollInterval: Double = 0.5
    /// Cancel an array none of whose tasks leaves the queue for this many seconds; `nil` to wait.
    public var pendingTimeout: Double?
    /// Where `sbatch` and `squeue` are looked for; `nil` for `PATH`.
    var toolSearchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    /// Called with progress lines for the terminal (job ids, retries).
    public var log: (@Sendable (String) -> Void)?

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

    public func score(_ requests: [TrialRequest], directive: String, options: RunOptions) throws(SweepExecutorError)
        -> [Result<TrialScore, TrialFailure>]
    {
        guard !requests.isEmpty else { return [] }
        let tools = try SlurmJobArray.tools(searchPath: toolSearchPath)
        let current = FileManager.default.currentDirectoryPath
        let paths = NotebookPaths(options)
        let folder = "\(paths.notebookName)-search-\(directive)-\(UUID().uuidString.prefix(8).lowercased())"
        let work = Self.absolute(
            ((paths.stateDirectory as NSString).appendingPathComponent("slurm") as NSString).appendingPathComponent(folder),
            in: current)
        let results = SlurmResults(directory: work)
        let requestsFile = (work as NSString).appendingPathComponent("requests.json")
        let tasks = requests.indices.map { index in
            SearchTrialTask(
                directive: directive, requestsFile: requestsFile, index: index, resultFile: results.trialResultPath(index))
        }
        let script = SlurmArrayScript(
            labbook: Self.absolute(labbook, in: current), workDirectory: work,
            tasks: tasks.map { SlurmTaskArguments.trial(options, task: $0) },
            comment: "A labbook search: array task i scores trial i of requests.json. Written by labbook run --executor slurm.")
        let scriptPath = try SlurmJobArray.writeScript(script)
        do {
            try SearchTrialWire.write(SearchTrialWire.Batch(directive: directive, requests: requests.map(SearchTrialWire.Request.init)), to: requestsFile)
        } catch {
            try? FileManager.default.removeItem(atPath: work)
            throw SweepExecutorError("cannot write the search's trials to \(requestsFile): \(error.localizedDescription)")
        }
        let array = SlurmJobArray(
            sbatch: tools.sbatch, squeue: tools.squeue, scancel: tools.scancel,
            submission: SlurmSubmission(
                script: scriptPath, workingDirectory: current, jobName: "labbook-\(paths.notebookName)-\(directive)",
                partition: partition, maxParallel: maxParallel, faultDirectory: faultDirectory),
            results: results, pollInterval: pollInterval, pendingTimeout: pendingTimeout, log: log)
        let outcome: (Int) -> Result<TrialScore, TrialFailure>? = { index in
            SearchTrialWire.read(SearchTrialWire.Result.self, from: results.trialResultPath(index))?.outcome
        }
        let lost: [Int]
        do {
            lost = try array.run(Array(requests.indices)) { outcome($0) != nil }
        } catch {
            if !results.hasLogs { try? FileManager.default.removeItem(atPath: work) }
            throw error
        }
        let scored = requests.indices.map { index in
            outcome(index) ?? .failure(TrialFailure(results.failure(index) + "; see \(results.logPath(index, attempt: 2))", fits: 0))
        }
        if lost.isEmpty { try? FileManager.default.removeItem(atPath: work) }
        return scored
    }

    private static func absolute(_ path: String, in folder: String) -> String {
        ((path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)) as NSString).standardizingPath
    }
}
