public import MLEngine

/// Where the trials of a `train` directive's search are scored when not in this process: for
/// instance one Slurm job array per batch of trials (``SlurmSearchExecutor``).
///
/// The search proposes the same batches whoever scores them and each task scores its trial
/// exactly as this process would (same notebook, parameters, seed and so the same folds), so
/// the report is byte-identical to the one of a search scored here.
public protocol SearchTrialExecutor: Sendable {
    /// Scores `requests`, proposed by the search of the `train` directive whose model is named
    /// `directive` in the run `options` describe; one outcome per request, in request order.
    /// - Throws: ``SweepExecutorError`` when the trials cannot be scored at all (no `sbatch`).
    func score(_ requests: [TrialRequest], directive: String, options: RunOptions) throws(SweepExecutorError)
        -> [ScoredTrial]
}

/// A trial scored elsewhere: its outcome, and how long the scoring took there (shown with `--timings`).
public struct ScoredTrial: Sendable {
    public var outcome: Result<TrialScore, TrialFailure>
    /// Seconds the trial took where it ran; `nil` when unknown (it was lost).
    public var seconds: Double?

    public init(_ outcome: Result<TrialScore, TrialFailure>, seconds: Double? = nil) {
        self.outcome = outcome
        self.seconds = seconds
    }
}

/// One trial to score in this process on behalf of another (`labbook run … --trial-of NAME
/// --trial-requests FILE --trial-index I --result-file PATH`, what a Slurm task runs).
public struct SearchTrialTask: Sendable, Equatable {
    /// The model name of the `train` directive whose search proposed the trial.
    public var directive: String
    /// The batch the submitting process wrote (``SearchTrialWire/Batch``).
    public var requestsFile: String
    /// Which request of the batch to score.
    public var index: Int
    /// Where the score goes (``SearchTrialWire/Result``), written atomically.
    public var resultFile: String

    public init(directive: String, requestsFile: String, index: Int, resultFile: String) {
        self.directive = directive
        self.requestsFile = requestsFile
        self.index = index
        self.resultFile = resultFile
    }
}

/// How the run's searches score their trials.
enum TrialScoring: Sendable {
    /// In this process, on every core.
    case here
    /// By an executor, for the run `options` describe.
    case elsewhere(any SearchTrialExecutor, RunOptions)
    /// This process is a task: score one trial of one search, write it, and stop.
    case task(SearchTrialTask)
}
