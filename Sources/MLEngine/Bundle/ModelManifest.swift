/// The description stored beside a registered model as `manifest.json`.
///
/// Everything a server or a person needs to know without loading the model: what it
/// predicts, which inputs it expects, how and from what it was trained, how well it did.
public struct ModelManifest: Codable, Sendable, Equatable {
    /// The manifest layout version: 2 since multi-class and regression models (`task`,
    /// `classes`, an optional `positiveLabel`); version 1 manifests still load.
    public var formatVersion: Int
    /// The registry name.
    public var name: String
    /// The version within `name`: 1, 2, …
    public var version: Int
    /// Caller-provided provenance (see ``ModelManifestDraft/createdBy``).
    public var createdBy: [String: String]
    /// A fingerprint of the training data.
    public var dataFingerprint: String
    /// The inputs the model expects.
    public var featureSchema: FeatureSchema
    /// The name of the label column.
    public var target: String
    /// `binary`, `multiclass` or `regression`.
    public var task: String
    /// The class labels in output order (binary: negative then positive); empty for regression.
    public var classes: [String]
    /// The label predicted as positive (binary models only).
    public var positiveLabel: String?
    /// The other label of a binary model (`not X` when it stands for several values).
    public var negativeLabel: String?
    /// The kind of model.
    public var modelKind: ModelKind
    /// The resolved training parameters.
    public var parameters: [String: ParameterValue]
    /// Evaluation results by name.
    public var metrics: [String: Double]
    /// The ``EngineInfo/version`` that trained the model.
    public var engineVersion: String

    /// The manifest of `model` registered from `draft` as `version`.
    public init(model: TrainedModel, draft: ModelManifestDraft, version: Int) {
        formatVersion = 2
        name = draft.name
        self.version = version
        createdBy = draft.createdBy
        dataFingerprint = draft.dataFingerprint
        featureSchema = model.encoder.schema
        target = model.target
        task = model.task.family.rawValue
        classes = model.classes
        positiveLabel = model.positiveLabel
        negativeLabel = model.negativeLabel
        modelKind = model.kind
        parameters = model.parameters
        metrics = draft.metrics
        engineVersion = EngineInfo.version
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion, name, version, createdBy, dataFingerprint, featureSchema, target
        case task, classes, positiveLabel, negativeLabel, modelKind, parameters, metrics, engineVersion
    }

    /// Decodes a manifest, restoring parameter types that JSON cannot carry (`1.0` reads as `1`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        name = try container.decode(String.self, forKey: .name)
        version = try container.decode(Int.self, forKey: .version)
        createdBy = try container.decode([String: String].self, forKey: .createdBy)
        dataFingerprint = try container.decode(String.self, forKey: .dataFingerprint)
        featureSchema = try container.decode(FeatureSchema.self, forKey: .featureSchema)
        target = try container.decode(String.self, forKey: .target)
        positiveLabel = try container.decodeIfPresent(String.self, forKey: .positiveLabel)
        negativeLabel = try container.decodeIfPresent(String.self, forKey: .negativeLabel)
        task = try container.decodeIfPresent(String.self, forKey: .task) ?? LearningTask.Family.binary.rawValue
        classes = try container.decodeIfPresent([String].self, forKey: .classes)
            ?? [negativeLabel, positiveLabel].compactMap { $0 }
        modelKind = try container.decode(ModelKind.self, forKey: .modelKind)
        parameters = ModelParameters.canonicalized(
            kind: modelKind, params: try container.decode([String: ParameterValue].self, forKey: .parameters)
        )
        metrics = try container.decode([String: Double].self, forKey: .metrics)
        engineVersion = try container.decode(String.self, forKey: .engineVersion)
    }
}
