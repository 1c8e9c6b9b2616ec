/// The description stored beside a registered model as `manifest.json`.
///
/// Everything a server or a person needs to know without loading the model: what it
/// predicts, which inputs it expects, how and from what it was trained, how well it did.
public struct ModelManifest: Codable, Sendable, Equatable {
    /// The manifest layout version: 3 since `inputs`, `build` and `modelSHA256`; 2 since
    /// multi-class and regression models (`task`, `classes`, an optional `positiveLabel`).
    /// Versions 1 and 2 still load.
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
    /// What the training data showed of each feature: types, categories seen, numeric ranges,
    /// whether missing values occurred (`nil` in manifests before version 3).
    public var inputs: [FeatureProfile]?
    /// The engine, Swift version, OS and architecture that built the model.
    public var build: BuildInfo?
    /// `sha256:…` of the model file in the bundle.
    public var modelSHA256: String?

    /// The manifest of `model` registered from `draft` as `version`, whose model file hashes to `modelSHA256`.
    public init(model: TrainedModel, draft: ModelManifestDraft, version: Int, modelSHA256: String? = nil) {
        formatVersion = 3
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
        inputs = draft.inputs
        build = .current
        self.modelSHA256 = modelSHA256
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion, name, version, createdBy, dataFingerprint, featureSchema, target
        case task, classes, positiveLabel, negativeLabel, modelKind, parameters, metrics, engineVersion
        case inputs, build, modelSHA256
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
        inputs = try container.decodeIfPresent([FeatureProfile].self, forKey: .inputs)
        build = try container.decodeIfPresent(BuildInfo.self, forKey: .build)
        modelSHA256 = try container.decodeIfPresent(String.self, forKey: .modelSHA256)
    }
}
