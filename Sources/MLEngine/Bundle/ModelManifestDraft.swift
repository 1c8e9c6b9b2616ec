/// What the caller says about a model it registers; ``ModelRegistry`` adds the rest.
///
/// The version is allocated by the registry; the feature schema, target, labels, kind and
/// parameters are taken from the ``TrainedModel``; the engine version from ``EngineInfo``.
public struct ModelManifestDraft: Codable, Sendable, Equatable {
    /// The registry name (`[A-Za-z0-9._-]+`, not starting with `.`).
    public var name: String
    /// Provenance chosen by the caller, e.g. `["notebook": "census.md", "notebook_sha256": "…"]`.
    /// The engine stores it without interpreting it.
    public var createdBy: [String: String]
    /// A fingerprint of the training data (e.g. its SHA-256).
    public var dataFingerprint: String
    /// Evaluation results by name, e.g. `["roc_auc": 0.87]`.
    public var metrics: [String: Double]
    /// What the training data showed of each feature (see ``FeatureProfile/profiles(of:schema:)``).
    public var inputs: [FeatureProfile]?

    /// Creates a draft.
    public init(
        name: String, createdBy: [String: String] = [:], dataFingerprint: String, metrics: [String: Double] = [:],
        inputs: [FeatureProfile]? = nil
    ) {
        self.name = name
        self.createdBy = createdBy
        self.dataFingerprint = dataFingerprint
        self.metrics = metrics
        self.inputs = inputs
    }
}
