import MLEngine
import Reports

/// What one directive produced: its report outputs, the names it defines and the facts it
/// established. A directive returns this value and touches nothing else; `Execution` applies
/// it to the workspace, the cache stores it, and the report, the run store and the manifest
/// read it from the run's ordered list of ``StepResult``s.
struct DirectiveResult: Sendable {
    /// What the report shows at the directive's place, in order.
    var outputs: [ReportOutput]
    /// The datasets, models and deployments it defines.
    var artifacts: [Artifact] = []
    /// Metrics, files read, drift verdicts and registrations, in the order they happened.
    var facts = StepFacts()
    /// Machine-dependent measurements for the terminal summary (not cached, not in the report).
    var timingNotes: [String] = []
}

/// A named thing a directive defines.
enum Artifact: Sendable {
    case dataset(LoadedDataset)
    case model(TrainedModelEntry)
    case deployment(Deployment)

    var name: WorkspaceName {
        switch self {
        case .dataset(let dataset): .dataset(dataset.name)
        case .model(let model): .model(model.name)
        case .deployment(let deployment): .deployment(deployment.name)
        }
    }

    /// Other artifacts a directive using this one may reach through it: a model's training
    /// dataset, a deployment's source model.
    var references: [String] {
        switch self {
        case .dataset: []
        case .model(let model): [PlanContext.split(model.trainedOn).base]
        case .deployment(let deployment): [deployment.source]
        }
    }
}

/// A name a directive defines, by what it stands for.
enum WorkspaceName: Hashable, Sendable {
    case dataset(String)
    case model(String)
    case deployment(String)

    var name: String {
        switch self {
        case .dataset(let name), .model(let name), .deployment(let name): name
        }
    }
}

/// The small, serialisable things one directive established (stored inline in its cache entry).
struct StepFacts: Codable, Sendable, Equatable {
    /// Metrics it measured, in order.
    var evaluations: [MetricRecord] = []
    /// Data files it read, in order.
    var filesRead: [FileRead] = []
    /// Drift verdicts (`monitor`), in order.
    var drifts: [DriftVerdict] = []
    /// Model versions it registered (`deploy`).
    var registrations: [RegisteredVersion] = []
    /// The trials of a `train` search, in trial order.
    var searchTrials: [SearchTrialRecord] = []

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        evaluations = try container.decodeIfPresent([MetricRecord].self, forKey: .evaluations) ?? []
        filesRead = try container.decodeIfPresent([FileRead].self, forKey: .filesRead) ?? []
        drifts = try container.decodeIfPresent([DriftVerdict].self, forKey: .drifts) ?? []
        registrations = try container.decodeIfPresent([RegisteredVersion].self, forKey: .registrations) ?? []
        searchTrials = try container.decodeIfPresent([SearchTrialRecord].self, forKey: .searchTrials) ?? []
    }

    mutating func recordFile(_ path: String, fingerprint: String) {
        if !filesRead.contains(where: { $0.path == path }) { filesRead.append(FileRead(path: path, fingerprint: fingerprint)) }
    }
}

/// One model's metrics on one dataset.
struct MetricRecord: Codable, Sendable, Equatable {
    var model: String
    /// The dataset reference it was scored on (`census.test`; empty when not known).
    var dataset: String
    /// Metric name → value.
    var metrics: [String: Double]
}

/// A data file and its content fingerprint.
struct FileRead: Codable, Sendable, Equatable {
    /// The path as written in the notebook.
    var path: String
    var fingerprint: String
}

/// A model version in the registry and the trained model it came from.
struct RegisteredVersion: Codable, Sendable, Equatable {
    var name: String
    var version: Int
    var source: String
}

/// What one `monitor` concluded.
struct DriftVerdict: Codable, Sendable, Equatable {
    /// The current data file, as written in the notebook.
    var current: String
    /// The reference dataset, e.g. `census.train`.
    var reference: String
    var drifted: Bool
    var driftedShare: Double
    var driftedFeatures: [String]
    /// Every compared feature's statistics, in order.
    var features: [DriftStatisticsRecord] = []
    /// Values read as missing and log lines skipped; `nil` when there were none.
    var dataProblems: DataProblemsRecord?
}

/// One feature's drift statistics, as `run.json` lists them.
struct DriftStatisticsRecord: Codable, Sendable, Equatable {
    var feature: String
    var type: String
    var test: String
    var statistic: Double
    var pValue: Double?
    var effectSize: Double?
    var threshold: Double
    var psi: Double
    var drifted: Bool
    var referenceCount: Int
    var currentCount: Int
    var missingReference: Double?
    var missingCurrent: Double?
    var missingPValue: Double?
    var unseenCategories: [String: Double] = [:]

    init(_ drift: FeatureDrift) {
        feature = drift.feature
        type = drift.type.rawValue
        test = drift.measurement.test.rawValue
        statistic = drift.measurement.statistic
        pValue = drift.measurement.pValue
        effectSize = drift.measurement.effectSize
        threshold = drift.measurement.threshold
        psi = drift.psi
        drifted = drift.drifted
        referenceCount = drift.referenceCount
        currentCount = drift.currentCount
        missingReference = drift.missing?.reference
        missingCurrent = drift.missing?.current
        missingPValue = drift.missing?.pValue
        unseenCategories = Dictionary(drift.unseen.map { ($0.category, $0.share) }, uniquingKeysWith: { $1 })
    }

    var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }
        return .object([
            "feature": .string(feature), "type": .string(type), "test": .string(test), "statistic": number(statistic),
            "p_value": number(pValue), "effect_size": number(effectSize), "threshold": number(threshold),
            "psi": number(psi), "drifted": .bool(drifted), "reference_count": .number(Double(referenceCount)),
            "current_count": .number(Double(currentCount)), "missing_reference": number(missingReference),
            "missing_current": number(missingCurrent), "missing_p_value": number(missingPValue),
            "unseen_categories": .object(unseenCategories.mapValues { .number($0) }),
        ])
    }
}
