import Foundation
import MLEngine

/// The run-time state of one notebook run: named datasets, models and deployments.
///
/// Directives execute one at a time in document order, so the workspace is not shared
/// between threads.
final class Workspace: @unchecked Sendable {
    /// Every path of this run, computed once.
    let paths: NotebookPaths
    /// The notebook's folder: data paths and `.labbook/` are relative to it.
    var baseDirectory: String { paths.baseDirectory }
    /// The notebook path as reports show it.
    var notebookPath: String { paths.displayPath }
    /// `sha256:…` of the notebook text.
    let notebookHash: String
    /// The notebook's seed.
    let seed: UInt64
    /// Where model versions are registered.
    let registry: ModelRegistry
    /// Whether measured timings go into the report (they make it machine-dependent).
    let reportTimings: Bool

    // State is read and written through `WorkerGate`: a directive abandoned by its time limit
    // (`TimeLimit`) may still be running on its worker thread; its later writes are dropped.
    private var _datasets: [String: LoadedDataset] = [:]
    private var _models: [String: TrainedModelEntry] = [:]
    private var _deployments: [String: Deployment] = [:]
    private var _evaluations: [(model: String, dataset: String, metrics: [String: Double])] = []
    private var _driftVerdicts: [DriftVerdict] = []
    private var _registered: [String: RegisteredVersion] = [:]
    private var _filesRead: [(path: String, fingerprint: String)] = []
    private var _timingNotes: [String] = []

    var datasets: [String: LoadedDataset] { WorkerGate.read { _datasets } }
    var models: [String: TrainedModelEntry] {
        get { WorkerGate.read { _models } }
        set { WorkerGate.write { _models = newValue } }
    }
    var deployments: [String: Deployment] {
        get { WorkerGate.read { _deployments } }
        set { WorkerGate.write { _deployments = newValue } }
    }
    /// Every evaluated metric: model name, dataset reference → metric name → value, in evaluation order.
    var evaluations: [(model: String, dataset: String, metrics: [String: Double])] { WorkerGate.read { _evaluations } }
    /// Every model version `deploy` registered (or found cached), by registry name: what the run
    /// store and the provenance manifest list, known without decoding the models.
    var registered: [String: RegisteredVersion] { WorkerGate.read { _registered } }
    /// The verdict of every `monitor`, in document order.
    var driftVerdicts: [DriftVerdict] { WorkerGate.read { _driftVerdicts } }
    /// Every data file read, in reading order: path as written in the notebook → content fingerprint.
    var filesRead: [(path: String, fingerprint: String)] { WorkerGate.read { _filesRead } }
    /// Machine-dependent measurements for the terminal summary (never in the report unless asked).
    var timingNotes: [String] { WorkerGate.read { _timingNotes } }
    /// The per-directive and whole-run time limits (`--timeout`, `--run-timeout`).
    var timeLimit = TimeLimit()
    /// Restores a dataset, model or deployment defined by a cached directive on first use;
    /// set by the directive cache.
    var restore: ((WorkspaceName) -> Void)?
    /// What the running directive recorded (for its cache entry).
    private var _stepLog = StepLog()
    var stepLog: StepLog { WorkerGate.read { _stepLog } }

    /// The folders data may be read from (checked again when a directive reads).
    let readScope: ReadScope

    init(paths: NotebookPaths, notebookHash: String, seed: UInt64, reportTimings: Bool, allowedReads: [String] = []) {
        self.paths = paths
        readScope = ReadScope(notebookFolder: paths.baseDirectory, allowed: allowedReads)
        self.notebookHash = notebookHash
        self.seed = seed
        self.registry = ModelRegistry(root: (paths.stateDirectory as NSString).appendingPathComponent("registry"))
        self.reportTimings = reportTimings
    }

    /// A generator for one directive, derived from the notebook seed and a stable label,
    /// so inserting a directive does not change the randomness of the others.
    func generator(for label: String) -> SeededGenerator {
        SeededGenerator(seed: seed).derived(label)
    }

    /// A path relative to the notebook, made usable from the current directory.
    func resolve(_ path: String) -> String {
        FileSystem.resolve(path, relativeTo: baseDirectory)
    }

    /// `path` (as written in the notebook) resolved for reading; refused outside the read scope,
    /// so a symlink swapped in after `check` cannot leave the notebook's folder either.
    func resolveReadable(_ path: String) throws(DirectiveError) -> String {
        let resolved = resolve(path)
        guard readScope.permits(resolved) else {
            throw DirectiveError(ReadScope.refusal(path))
        }
        return resolved
    }

    func add(_ dataset: LoadedDataset) { WorkerGate.write { _datasets[dataset.name] = dataset } }

    /// The dataset called `reference` (`census`, `census.train`, `census.test`).
    func dataset(_ reference: String) throws(DirectiveError) -> DatasetView {
        let (base, part) = PlanContext.split(reference)
        guard let dataset = loadedDataset(base) else { throw DirectiveError("dataset `\(base)` is not available") }
        switch part {
        case nil: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame)
        case "train"?: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame.rows(at: dataset.trainRows ?? []))
        case "test"?: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame.rows(at: dataset.testRows ?? []))
        default: throw DirectiveError("`\(reference)` is not a dataset part")
        }
    }

    func model(_ name: String) throws(DirectiveError) -> TrainedModelEntry {
        guard let model = trainedModel(name) else { throw DirectiveError("model `\(name)` is not available") }
        return model
    }

    /// The dataset called `name`, restored from the cache if need be.
    func loadedDataset(_ name: String) -> LoadedDataset? {
        if datasets[name] == nil { restore?(.dataset(name)) }
        return datasets[name]
    }

    /// The model called `name`, restored from the cache if need be.
    func trainedModel(_ name: String) -> TrainedModelEntry? {
        if models[name] == nil { restore?(.model(name)) }
        return models[name]
    }

    /// The deployment called `name`, restored from the cache if need be.
    func deployment(_ name: String) -> Deployment? {
        if deployments[name] == nil { restore?(.deployment(name)) }
        return deployments[name]
    }

    /// Runs `body` with a fresh step log and returns what it recorded; the previous log is
    /// put back afterwards (a directive may run inside another's restore).
    func logging<T>(_ body: () throws -> T) throws -> (T, StepLog) {
        let saved = stepLog
        WorkerGate.write { _stepLog = StepLog() }
        defer { WorkerGate.write { _stepLog = saved } }
        let value = try body()
        return (value, stepLog)
    }

    func recordEvaluation(model: String, dataset: String = "", metrics: [String: Double]) {
        WorkerGate.write {
            _evaluations.append((model, dataset, metrics))
            _stepLog.evaluations.append(CachedEvaluation(model: model, dataset: dataset, metrics: metrics))
        }
    }

    func recordRegistration(_ version: RegisteredVersion) {
        WorkerGate.write { _registered[version.name] = version }
    }

    func recordDrift(_ verdict: DriftVerdict) {
        WorkerGate.write {
            _driftVerdicts.append(verdict)
            _stepLog.drifts.append(verdict)
        }
    }

    func recordFile(_ path: String, fingerprint: String) {
        WorkerGate.write {
            if !_filesRead.contains(where: { $0.path == path }) { _filesRead.append((path, fingerprint)) }
            if !_stepLog.filesRead.contains(where: { $0.path == path }) {
                _stepLog.filesRead.append(CachedFile(path: path, fingerprint: fingerprint))
            }
        }
    }

    func noteTiming(_ text: String) { WorkerGate.write { _timingNotes.append(text) } }
}

/// A name a directive defines, by what it stands for.
enum WorkspaceName: Hashable, Sendable {
    case dataset(String)
    case model(String)
    case deployment(String)
}

/// A model version in the registry and the trained model it came from.
struct RegisteredVersion: Sendable {
    var name: String
    var version: Int
    var source: String
}

/// What one directive recorded besides its outputs.
struct StepLog: Sendable {
    var evaluations: [CachedEvaluation] = []
    var filesRead: [CachedFile] = []
    var drifts: [DriftVerdict] = []
}

/// What one `monitor` concluded.
struct DriftVerdict: Codable, Sendable {
    /// The current data file, as written in the notebook.
    var current: String
    /// The reference dataset, e.g. `census.train`.
    var reference: String
    var drifted: Bool
    var driftedShare: Double
    var driftedFeatures: [String]
}

/// A loaded CSV and its split.
struct LoadedDataset: Sendable {
    var name: String
    /// The path as written in the notebook.
    var path: String
    var frame: DataFrame
    var fingerprint: DatasetFingerprint
    var target: String?
    var positive: String?
    /// The task asked for with `task:`; `nil` to infer it from the target column.
    var task: TargetEncoding.Request?
    var trainRows: [Int]?
    var testRows: [Int]?
}

/// A dataset or one of its split halves.
struct DatasetView: Sendable {
    var reference: String
    var dataset: LoadedDataset
    var frame: DataFrame
}

/// A model trained in this run.
struct TrainedModelEntry: Sendable {
    var name: String
    var model: TrainedModel
    /// The dataset reference it was trained on (`census.train`).
    var trainedOn: String
    var features: [String]
}

/// A model version registered by `deploy`.
struct Deployment: Sendable {
    var name: String
    var manifest: ModelManifest
    var model: TrainedModel
    /// The trained model it came from.
    var source: String
    /// The alias pointed at this version, if any.
    var alias: String?
}

/// A failure while a directive runs: shown in the report at the directive's place.
struct DirectiveError: Error, Sendable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
