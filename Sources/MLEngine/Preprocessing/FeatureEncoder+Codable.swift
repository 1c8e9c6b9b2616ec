extension FeatureEncoder: Codable {
    enum CodingKeys: String, CodingKey {
        case formatVersion, schema, preprocessing, transforms
        // Version 1.
        case standardize, scalings
    }

    /// Version 1's per-feature numbers: fill with `mean`, then `(x - center) / scale`.
    private struct LegacyScaling: Decodable {
        var mean: Double
        var center: Double
        var scale: Double
    }

    /// Decodes an encoder (any layout up to ``formatVersion``) and checks that its fitted
    /// steps match its features.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decodeIfPresent(Int.self, forKey: .formatVersion) ?? 1
        guard (1...Self.formatVersion).contains(version) else {
            throw SpecCoding.corrupted(
                "the feature encoder has format version \(version); this engine reads versions 1 to \(Self.formatVersion)", decoder)
        }
        schema = try container.decode(FeatureSchema.self, forKey: .schema)
        if version == 1 {
            let standardize = try container.decode(Bool.self, forKey: .standardize)
            let scalings = try container.decode([LegacyScaling?].self, forKey: .scalings)
            preprocessing = PreprocessingSpec(
                numeric: NumericPreprocessing(imputation: .mean, scaling: standardize ? .standard : .unscaled),
                categorical: CategoricalPreprocessing(encoding: .oneHot))
            transforms = zip(schema.features, scalings).map { feature, scaling in
                if let scaling, feature.type == .numeric {
                    .numeric(NumericTransform(fill: scaling.mean, center: scaling.center, scale: scaling.scale))
                } else {
                    .categorical(CategoricalTransform(categories: feature.categories ?? []))
                }
            }
            guard scalings.count == schema.features.count else {
                throw SpecCoding.corrupted("the encoder's statistics do not match its features", decoder)
            }
        } else {
            preprocessing = try container.decode(PreprocessingSpec.self, forKey: .preprocessing)
            transforms = try container.decode([FeatureTransform].self, forKey: .transforms)
        }
        if let problem = inconsistency {
            throw SpecCoding.corrupted(problem, decoder)
        }
    }

    /// Encodes the current layout (``formatVersion``).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(schema, forKey: .schema)
        try container.encode(preprocessing, forKey: .preprocessing)
        try container.encode(transforms, forKey: .transforms)
    }

    /// Why the fitted steps cannot belong to the schema, or `nil` when they can.
    private var inconsistency: String? {
        guard transforms.count == schema.features.count else {
            return "the encoder has \(transforms.count) fitted features but its schema lists \(schema.features.count)"
        }
        for (feature, transform) in zip(schema.features, transforms) {
            guard transform.featureType == feature.type, (feature.type == .categorical) == (feature.categories != nil) else {
                return "the fitted steps of feature `\(feature.name)` do not match its type"
            }
            let problem = switch transform {
            case .numeric(let steps): steps.inconsistency
            case .categorical(let steps): steps.inconsistency
            }
            if let problem { return "feature `\(feature.name)`: \(problem)" }
        }
        return nil
    }
}
