/// The steps applied to a numeric feature, in this order: imputation, binning, scaling.
///
/// ```swift
/// NumericPreprocessing(imputation: .median, binning: Binning(bins: 4), scaling: .minMax)
/// ```
public struct NumericPreprocessing: Sendable, Equatable, Hashable {
    /// How missing values are filled; `mean` by default.
    public var imputation: NumericImputation
    /// Whether values are replaced by bin indices; none by default.
    public var binning: Binning?
    /// How the result is rescaled; `automatic` (by model kind) by default.
    public var scaling: Scaling

    /// Creates numeric steps; the defaults are the engine's historical behaviour.
    public init(imputation: NumericImputation = .mean, binning: Binning? = nil, scaling: Scaling = .automatic) {
        self.imputation = imputation
        self.binning = binning
        self.scaling = scaling
    }

    /// Checks the values; `scope` names where they come from in messages.
    func validate(scope: String) throws(ModelError) {
        if case .constant(let value) = imputation, !value.isFinite {
            throw ModelError("\(scope): the imputation constant must be a finite number; got \(value)")
        }
        if let binning, binning.bins < 2 {
            throw ModelError("\(scope): `bins` must be at least 2; got \(binning.bins)")
        }
    }
}

extension NumericPreprocessing: Codable {
    /// Decodes `{"imputation": …, "binning": …, "scaling": …}`; absent keys take defaults.
    public init(from decoder: any Decoder) throws {
        let container = try SpecCoding.container(decoder, allowed: ["imputation", "binning", "scaling"], in: "numeric preprocessing")
        imputation = try container.decodeIfPresent(NumericImputation.self, forKey: SpecKey("imputation")) ?? .mean
        binning = try container.decodeIfPresent(Binning.self, forKey: SpecKey("binning"))
        scaling = try container.decodeIfPresent(Scaling.self, forKey: SpecKey("scaling")) ?? .automatic
    }

    /// Encodes every key that is set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecKey.self)
        try container.encode(imputation, forKey: SpecKey("imputation"))
        try container.encodeIfPresent(binning, forKey: SpecKey("binning"))
        try container.encode(scaling, forKey: SpecKey("scaling"))
    }
}
