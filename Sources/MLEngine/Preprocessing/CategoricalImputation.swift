/// How missing categories are filled before encoding, as scikit-learn's `SimpleImputer`.
///
/// Without an imputation (the default) a missing category stays missing and encodes like an
/// unknown one. In notebooks and JSON: `most_frequent` or `{constant: "unknown"}`.
public enum CategoricalImputation: Sendable, Equatable, Hashable {
    /// The most frequent training category; the first in sorted order among equally frequent ones.
    case mostFrequent
    /// A fixed category, which becomes a category of its own when training rows are missing.
    case constant(String)

    /// The names accepted by ``init(named:constant:)``.
    public static let names = ["most_frequent", "constant"]

    /// The strategy's name: `most_frequent` or `constant`.
    public var name: String {
        switch self {
        case .mostFrequent: "most_frequent"
        case .constant: "constant"
        }
    }

    /// The strategy called `name`; `constant` also needs `constant`.
    /// - Throws: ``ModelError`` for an unknown name, a numeric-only strategy, or a missing or
    ///   superfluous constant.
    public init(named name: String, constant: String? = nil) throws(ModelError) {
        switch (name, constant) {
        case ("most_frequent", nil): self = .mostFrequent
        case ("constant", let value?): self = .constant(value)
        case ("constant", nil): throw ModelError("constant imputation needs a value, e.g. {constant: \"unknown\"}")
        case ("most_frequent", _?): throw ModelError("`most_frequent` imputation takes no value; only constant does")
        case ("mean", _), ("median", _):
            throw ModelError("`\(name)` imputation needs numbers; categorical features take most_frequent or constant")
        default:
            throw ModelError("unknown imputation `\(name)` for categorical features; use most_frequent or constant")
        }
    }
}

extension CategoricalImputation: Codable {
    /// Decodes `"most_frequent"` or `{"constant": "unknown"}`.
    public init(from decoder: any Decoder) throws {
        let (name, container) = try SpecCoding.nameOrConstant(decoder, in: "a categorical imputation")
        let value = try container?.decode(String.self, forKey: SpecKey("constant"))
        self = try SpecCoding.converting(decoder) { () throws(ModelError) in try CategoricalImputation(named: name, constant: value) }
    }

    /// Encodes as ``name``, or `{"constant": value}`.
    public func encode(to encoder: any Encoder) throws {
        if case .constant(let value) = self {
            var container = encoder.container(keyedBy: SpecKey.self)
            try container.encode(value, forKey: SpecKey("constant"))
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
    }
}
