import Foundation
import MLEngine

/// The run-time state of one notebook run: named datasets, models and deployments.
///
/// Directives execute one at a time in document order, so the workspace is not shared
/// between threads.
final class Workspace: @unchecked Sendable {
    /// The notebook's folder: data paths and `.labbook/` are relative to it.
    let baseDirectory: String
    /// The notebook path as the user named it.
    let notebookPath: String
    /// `sha256:…` of the notebook text.
    let notebookHash: String
    /// The notebook's seed.
    let seed: UInt64
    /// Where model versions are registered.
    let registry: ModelRegistry
    /// Whether measured timings go into the report (they make it machine-dependent).
    let reportTimings: Bool

    private(set) var datasets: [String: LoadedDataset] = [:]
    var models: [String: TrainedModelEntry] = [:]
    var deployments: [String: Deployment] = [:]
    /// Every evaluated metric: model name, dataset reference → metric name → value, in evaluation order.
    private(set) var evaluations: [(model: String, dataset: String, metrics: [String: Double])] = []
    /// The verdict of every `monitor`, in document order.
    private(set) var driftVerdicts: [DriftVerdict] = []
    /// Every data file read, in reading order: path as written in the notebook → content fingerprint.
    private(set) var filesRead: [(path: String, fingerprint: String)] = []
    /// Machine-dependent measurements for the terminal summary (never in the report unless asked).
    private(set) var timingNotes: [String] = []

    init(
        baseDirectory: String, notebookPath: String, notebookHash: String, seed: UInt64,
        registryRoot: String, reportTimings: Bool
    ) {
        self.baseDirectory = baseDirectory
        self.notebookPath = notebookPath
        self.notebookHash = notebookHash
        self.seed = seed
        self.registry = ModelRegistry(root: registryRoot)
        self.reportTimings = reportTimings
    }

    /// A generator for one directive, derived from the notebook seed and a stable label,
    /// so inserting a directive does not change the randomness of the others.
    func generator(for label: String) -> SeededGenerator {
        SeededGenerator(seed: seed).derived(label)
    }

    /// A path relative to the notebook, made usable from the current directory.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    func add(_ dataset: LoadedDataset) { datasets[dataset.name] = dataset }

    /// The dataset called `reference` (`census`, `census.train`, `census.test`).
    func dataset(_ reference: String) throws(DirectiveError) -> DatasetView {
        let (base, part) = PlanContext.split(reference)
        guard let dataset = datasets[base] else { throw DirectiveError("dataset `\(base)` is not available") }
        switch part {
        case nil: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame)
        case "train"?: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame.rows(at: dataset.trainRows ?? []))
        case "test"?: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame.rows(at: dataset.testRows ?? []))
        default: throw DirectiveError("`\(reference)` is not a dataset part")
        }
    }

    func model(_ name: String) throws(DirectiveError) -> TrainedModelEntry {
        guard let model = models[name] else { throw DirectiveError("model `\(name)` is not available") }
        return model
    }

    func recordEvaluation(model: String, dataset: String = "", metrics: [String: Double]) {
        evaluations.append((model, dataset, metrics))
    }

    func recordDrift(_ verdict: DriftVerdict) { driftVerdicts.append(verdict) }

    func recordFile(_ path: String, fingerprint: String) {
        if !filesRead.contains(where: { $0.path == path }) { filesRead.append((path, fingerprint)) }
    }

    func noteTiming(_ text: String) { timingNotes.append(text) }
}

/// What one `monitor` concluded.
struct DriftVerdict: Sendable {
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
}

/// A failure while a directive runs: shown in the report at the directive's place.
struct DirectiveError: Error, Sendable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
