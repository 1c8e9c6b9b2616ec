import MLEngine

/// What one successful directive produced, stored as `entries/<key>.json`.
///
/// Large values (report outputs, frames, split rows, models) are references to
/// content-addressed objects (`objects/<sha256>`); small ones are inline.
struct CacheEntry: Codable, Sendable {
    static let currentFormat = 1

    var formatVersion: Int
    /// The directive's cache key (`sha256:…`).
    var key: String
    var kind: String
    /// Object holding the JSON of the directive's `[ReportOutput]`.
    var outputs: String
    /// How long the directive took when it ran.
    var seconds: Double
    var datasets: [CachedDataset] = []
    var models: [CachedModel] = []
    var deployments: [CachedDeployment] = []
    /// Metrics it recorded, in order.
    var evaluations: [CachedEvaluation] = []
    /// Data files it read, in order.
    var filesRead: [CachedFile] = []
    /// Drift verdicts it recorded (`monitor`), in order.
    var drifts: [DriftVerdict]? = nil

    /// Every object this entry refers to.
    var objects: [String] {
        [outputs] + datasets.flatMap { [$0.frame] + [$0.trainRows, $0.testRows].compactMap { $0 } }
            + models.map(\.model) + deployments.map(\.model)
    }
}

/// A dataset defined by `load`.
struct CachedDataset: Codable, Sendable {
    var name: String
    var path: String
    /// Object: the frame in `DataFrame` binary form.
    var frame: String
    var fingerprint: DatasetFingerprint
    var target: String?
    var positive: String?
    /// `classification` or `regression` when the notebook asked for one.
    var task: String?
    /// Objects: the split's row indices (see `RowIndices`).
    var trainRows: String?
    var testRows: String?
}

/// A model defined by `train`.
struct CachedModel: Codable, Sendable {
    var name: String
    /// Object: the `TrainedModel` JSON.
    var model: String
    var trainedOn: String
    var features: [String]
}

/// A registry version made by `deploy`.
struct CachedDeployment: Codable, Sendable {
    var name: String
    var manifest: ModelManifest
    /// Object: the registered `TrainedModel` JSON.
    var model: String
    var source: String
    var alias: String?
}

/// One model's recorded metrics.
struct CachedEvaluation: Codable, Sendable {
    var model: String
    /// The dataset reference it was scored on.
    var dataset: String?
    var metrics: [String: Double]
}

/// A data file and its content fingerprint.
struct CachedFile: Codable, Sendable {
    var path: String
    var fingerprint: String
}
