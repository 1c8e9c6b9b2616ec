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
    /// The cluster, the binary and how to wait.
    public var slurm: SlurmSettings

    /// An executor whose tasks run `labbook`; see ``SlurmSettings`` for the rest.
    public init(
        labbook: String, partition: String? = nil, maxParallel: Int? = nil, faultDirectory: String? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        slurm = SlurmSettings(labbook: labbook, partition: partition, maxParallel: maxParallel, faultDirectory: faultDirectory, log: log)
    }

    public func score(_ requests: [TrialRequest], directive: String, options: RunOptions) throws(SweepExecutorError)
        -> [ScoredTrial]
    {
        guard !requests.isEmpty else { return [] }
        let paths = NotebookPaths(options)
        let work = slurm.workFolder(state: paths.stateDirectory, name: "\(paths.notebookName)-search-\(directive)")
        let results = SlurmResults(directory: work)
        let requestsFile = (work as NSString).appendingPathComponent("requests.json")
        let tasks = requests.indices.map { index in
            SearchTrialTask(
                directive: directive, requestsFile: requestsFile, index: index, resultFile: results.trialResultPath(index))
        }
        let array = try slurm.jobArray(
            tasks: tasks.map { SlurmTaskArguments.trial(options, task: $0) }, work: work,
            comment: "A labbook search: array task i scores trial i of requests.json. Written by labbook run --executor slurm.",
            jobName: "labbook-\(paths.notebookName)-\(directive)")
        do {
            try SearchTrialWire.write(SearchTrialWire.Batch(directive: directive, requests: requests.map(SearchTrialWire.Request.init)), to: requestsFile)
        } catch {
            try? FileManager.default.removeItem(atPath: work)
            throw SweepExecutorError("cannot write the search's trials to \(requestsFile): \(error.localizedDescription)")
        }
        let outcome: (Int) -> ScoredTrial? = { index in
            let result = SearchTrialWire.read(SearchTrialWire.Result.self, from: results.trialResultPath(index))
            return result.flatMap { result in result.outcome.map { ScoredTrial($0, seconds: result.seconds) } }
        }
        let lost: [Int]
        do {
            lost = try array.run(Array(requests.indices)) { outcome($0) != nil }
        } catch {
            if !results.hasLogs { try? FileManager.default.removeItem(atPath: work) }
            throw error
        }
        let scored = requests.indices.map { index in
            outcome(index)
                ?? ScoredTrial(.failure(TrialFailure(results.failure(index) + "; see \(results.logPath(index, attempt: 2))", fits: 0)))
        }
        if lost.isEmpty { try? FileManager.default.removeItem(atPath: work) }
        return scored
    }
}
