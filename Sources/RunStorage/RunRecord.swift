public import Foundation

/// Everything the store keeps about one notebook run: plain values, no notebook types.
///
/// A run is inserted as `running` when it starts (`RunStore.begin`) and completed when it
/// ends (`RunStore.finish`); the store may hold wall-clock times, reports never do.
public struct RunRecord: Sendable, Equatable {
    /// The store's id for the run (`nil` until stored).
    public var id: Int64?
    /// The notebook path as reports show it (relative).
    public var notebookPath: String
    /// `sha256:…` of the notebook text.
    public var notebookHash: String
    /// Parameters after overrides, in front-matter order.
    public var parameters: [RunParameter]
    /// The notebook's seed.
    public var seed: UInt64
    /// The front matter's `metric`, the one that defines success, if any.
    public var keyMetric: String?
    /// One row per directive, in document order.
    public var steps: [RunStep]
    /// Every data file read: path as written in the notebook → content fingerprint.
    public var inputs: [RunInput]
    /// Every evaluated metric.
    public var metrics: [RunMetric]
    /// Model versions registered by `deploy`.
    public var deployments: [RunDeployment]
    /// Verdicts of `monitor` directives.
    public var driftVerdicts: [RunDriftVerdict]
    /// The process exit code; `nil` while running or when interrupted.
    public var exitCode: Int32?
    /// The engine's version (`EngineInfo.version`).
    public var engineVersion: String
    /// Where the run ran.
    public var machine: RunMachine
    /// The process that runs (or ran) it.
    public var process: RunProcess
    /// Wall-clock start.
    public var startedAt: Date
    /// Wall-clock end; `nil` while running or when interrupted.
    public var endedAt: Date?
    /// Running, finished or interrupted (see `RunStatus`).
    public var status: RunStatus

    /// Creates a record; the lists default to empty and the status to `running`.
    public init(
        id: Int64? = nil, notebookPath: String, notebookHash: String, parameters: [RunParameter] = [], seed: UInt64,
        keyMetric: String? = nil,
        steps: [RunStep] = [], inputs: [RunInput] = [], metrics: [RunMetric] = [], deployments: [RunDeployment] = [],
        driftVerdicts: [RunDriftVerdict] = [], exitCode: Int32? = nil, engineVersion: String,
        machine: RunMachine = .current, process: RunProcess = .current, startedAt: Date = Date(), endedAt: Date? = nil,
        status: RunStatus = .running
    ) {
        self.id = id
        self.notebookPath = notebookPath
        self.notebookHash = notebookHash
        self.parameters = parameters
        self.seed = seed
        self.keyMetric = keyMetric
        self.steps = steps
        self.inputs = inputs
        self.metrics = metrics
        self.deployments = deployments
        self.driftVerdicts = driftVerdicts
        self.exitCode = exitCode
        self.engineVersion = engineVersion
        self.machine = machine
        self.process = process
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.status = status
    }

    /// Seconds between start and end; `nil` while running or when interrupted.
    public var seconds: Double? { endedAt.map { $0.timeIntervalSince(startedAt) } }

    /// The best value of the key metric (`roc_auc` when none is named) over every model and
    /// dataset, with the model's name; lower is better only for `log_loss`.
    public var headline: (metric: String, model: String, value: Double)? {
        let name = keyMetric ?? "roc_auc"
        let candidates = metrics.filter { $0.metric == name }
        let lowerIsBetter = name == "log_loss"
        guard let best = candidates.min(by: { lowerIsBetter ? $0.value < $1.value : $0.value > $1.value }) else { return nil }
        return (name, best.model, best.value)
    }

    /// How many directives ended with `status`.
    public func count(_ status: RunStep.Status) -> Int { steps.filter { $0.status == status }.count }
}
