/// The steps applied to a numeric feature, in this order: imputation, binning, scaling.
///
/// ```swift
/// NumericPreprocessing(imputation: .median, binning: Binning(bins: 4), scaling: .minMax)
/// ```
public struct NumericPreprocessing: Sendable, Equatable, Hashable {
    /// How missing values are filled: as given, or when not given (`nil`) chosen by model kind
    /// (``PreprocessingSpec/resolved(for:)``): `none` for gradient boosting, `mean` otherwise.
    public var imputationChoice: NumericImputation?
    /// How missing values are filled; `mean` unless chosen otherwise.
    public var imputation: NumericImputation {
        get { imputationChoice ?? .mean }
        set { imputationChoice = newValue }
    }
    /// Whether values are replaced by bin indices; none by default.
    public var binning: Binning?
    /// How the result is rescaled; `automatic` (by model kind) by default.
    public var scaling: Scaling

    /// Creates numeric steps; the defaults are the engine's historical behaviour.
    public init(imputation: NumericImputation? = nil, binning: Binning? = nil, scaling: Scaling = .automatic) {
        self.imputationChoice = imputation
        self.binning = binning
        self.scaling = scaling
    }

    /// Checks the values; `scope` names where they come from in messages.
    func validate(scope: String) throws(ModelError) {
        if case .constant(let value) = imputation, !value.isFinite {
            throw ModelError("\(scope): the imputation constant must be a finite number; got \(value)")
        }
        if binning != nil, imputationChoice == NumericImputation.none {
            throw ModelError("\(scope): binning needs the missing values filled; choose an imputation other than none")
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
        imputationChoice = try container.decodeIfPresent(NumericImputation.self, forKey: SpecKey("imputation"))
        binning = try container.decodeIfPresent(Binning.self, forKey: SpecKey("binning"))
        scaling = try container.decodeIfPresent(Scaling.self, forKey: SpecKey("scaling")) ?? .automatic
    }

    /// Encodes every key that is set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecKey.self)
        try container.encodeIfPresent(imputationChoice, forKey: SpecKey("imputation"))
        try container.encodeIfPresent(binning, forKey: SpecKey("binning"))
        try container.encode(scaling, forKey: SpecKey("scaling"))
    }
}
