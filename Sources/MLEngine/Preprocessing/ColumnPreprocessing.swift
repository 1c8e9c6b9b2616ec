/// The steps for one named feature, replacing (not merging with) the defaults for its type.
///
/// Written as `{numeric: {...}}` or `{categorical: {...}}`; the type must match the column's.
public enum ColumnPreprocessing: Sendable, Equatable, Hashable {
    /// Steps for a numeric column.
    case numeric(NumericPreprocessing)
    /// Steps for a categorical column.
    case categorical(CategoricalPreprocessing)
}

extension ColumnPreprocessing: Codable {
    /// Decodes `{"numeric": {...}}` or `{"categorical": {...}}`.
    public init(from decoder: any Decoder) throws {
        let container = try SpecCoding.container(decoder, allowed: ["numeric", "categorical"], in: "column preprocessing")
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw SpecCoding.corrupted("column preprocessing needs exactly one of `numeric` or `categorical`", decoder)
        }
        self = key.stringValue == "numeric"
            ? .numeric(try container.decode(NumericPreprocessing.self, forKey: key))
            : .categorical(try container.decode(CategoricalPreprocessing.self, forKey: key))
    }

    /// Encodes as a single-key object naming the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecKey.self)
        switch self {
        case .numeric(let steps): try container.encode(steps, forKey: SpecKey("numeric"))
        case .categorical(let steps): try container.encode(steps, forKey: SpecKey("categorical"))
        }
    }
}
