/// How missing numbers (`nan`) are filled before any other step, as scikit-learn's `SimpleImputer`.
///
/// The fill value is learned from the training rows that have a value; a column without any
/// value fills with 0 (`mean`, `median`, `most_frequent`). In notebooks and JSON a strategy is
/// written as its ``name`` (`median`) or, for a constant, as `{constant: 0}`.
public enum NumericImputation: Sendable, Equatable, Hashable {
    /// The mean of the training values (the default).
    case mean
    /// The median of the training values (the mean of the two middle values for an even count).
    case median
    /// The most frequent training value; the smallest of equally frequent values.
    case mostFrequent
    /// A fixed number, which must be finite.
    case constant(Double)
    /// No filling: missing values reach the model as `nan`, for models that handle them
    /// natively (gradient boosting). Other models refuse `nan` inputs.
    case none

    /// The names accepted by ``init(named:constant:)``, in documentation order.
    public static let names = ["mean", "median", "most_frequent", "constant", "none"]

    /// The strategy's name: `mean`, `median`, `most_frequent` or `constant`.
    public var name: String {
        switch self {
        case .mean: "mean"
        case .median: "median"
        case .mostFrequent: "most_frequent"
        case .constant: "constant"
        case .none: "none"
        }
    }

    /// The strategy called `name`; `constant` also needs `constant`, the others take none.
    /// - Throws: ``ModelError`` for an unknown name or a missing or superfluous constant.
    public init(named name: String, constant: Double? = nil) throws(ModelError) {
        switch (name, constant) {
        case ("mean", nil): self = .mean
        case ("median", nil): self = .median
        case ("most_frequent", nil): self = .mostFrequent
        case ("none", nil): self = .none
        case ("constant", let value?): self = .constant(value)
        case ("constant", nil): throw ModelError("constant imputation needs a value, e.g. {constant: 0}")
        case (_, _?) where Self.names.contains(name): throw ModelError("`\(name)` imputation takes no value; only constant does")
        default:
            throw ModelError("unknown imputation `\(name)` for numeric features; use mean, median, most_frequent, constant or none")
        }
    }
}

extension NumericImputation: Codable {
    /// Decodes `"median"` or `{"constant": 0}`.
    public init(from decoder: any Decoder) throws {
        let (name, container) = try SpecCoding.nameOrConstant(decoder, in: "a numeric imputation")
        let value = try container?.decode(Double.self, forKey: SpecKey("constant"))
        self = try SpecCoding.converting(decoder) { () throws(ModelError) in try NumericImputation(named: name, constant: value) }
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
