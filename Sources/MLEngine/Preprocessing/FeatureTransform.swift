/// The fitted preprocessing of one feature. Encodes as `{"numeric": {...}}` or `{"categorical": {...}}`.
public enum FeatureTransform: Codable, Sendable, Equatable {
    /// Steps for a numeric feature.
    case numeric(NumericTransform)
    /// Steps for a categorical feature.
    case categorical(CategoricalTransform)

    /// Number of output columns.
    public var outputCount: Int {
        switch self {
        case .numeric: 1
        case .categorical(let steps): steps.outputCount
        }
    }

    /// The type of feature the steps apply to.
    public var featureType: FeatureSchema.FeatureType {
        switch self {
        case .numeric: .numeric
        case .categorical: .categorical
        }
    }

    /// Decodes a single-key object naming the type.
    public init(from decoder: any Decoder) throws {
        let container = try SpecCoding.container(decoder, allowed: ["numeric", "categorical"], in: "a fitted feature")
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw SpecCoding.corrupted("a fitted feature needs exactly one of `numeric` or `categorical`", decoder)
        }
        self = key.stringValue == "numeric"
            ? .numeric(try container.decode(NumericTransform.self, forKey: key))
            : .categorical(try container.decode(CategoricalTransform.self, forKey: key))
    }

    /// Encodes a single-key object naming the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecKey.self)
        switch self {
        case .numeric(let steps): try container.encode(steps, forKey: SpecKey("numeric"))
        case .categorical(let steps): try container.encode(steps, forKey: SpecKey("categorical"))
        }
    }
}
