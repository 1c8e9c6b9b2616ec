/// How numeric features are rescaled after imputation (and binning).
///
/// Statistics are learned on the training column after imputation, as a scikit-learn
/// `Pipeline` would; a column whose spread is below `10 × ulpOfOne` is only shifted.
/// Written in notebooks and JSON as ``name``: `auto`, `none`, `standard`, `min_max`.
public enum Scaling: String, CaseIterable, Sendable, Equatable, Hashable {
    /// What suits the model: standard scaling for logistic regression, none for trees (the default).
    case automatic = "auto"
    /// Values are used as they are.
    case unscaled = "none"
    /// `(x - mean) / std` with the population standard deviation (`StandardScaler`).
    case standard
    /// `(x - min) / (max - min)`, so training values land in `[0, 1]` (`MinMaxScaler`).
    case minMax = "min_max"

    /// The name used in notebooks and JSON.
    public var name: String { rawValue }

    /// The scaling called `name`.
    /// - Throws: ``ModelError`` for an unknown name.
    public init(named name: String) throws(ModelError) {
        guard let scaling = Scaling(rawValue: name) else {
            throw ModelError("unknown scaling `\(name)`; use auto, none, standard or min_max")
        }
        self = scaling
    }
}

extension Scaling: Codable {
    /// Decodes a name, with a plain-language error for an unknown one.
    public init(from decoder: any Decoder) throws {
        self = try SpecCoding.named(decoder) { name throws(ModelError) in try Scaling(named: name) }
    }
}
