/// Replaces a numeric feature by the index of its bin, as scikit-learn's
/// `KBinsDiscretizer(encode="ordinal")`: bin `i` holds values in `[edge[i], edge[i+1])`, values
/// below the first or above the last edge go to the first or last bin.
///
/// Edges are learned on the training column after imputation, from all rows (no subsampling).
/// A constant column gets one bin; quantile edges closer than `1e-8` are merged, so a column
/// may get fewer bins than asked for. Written as `{bins: 4, strategy: quantile}`.
public struct Binning: Sendable, Equatable, Hashable {
    /// Where the edges go.
    public enum Strategy: String, CaseIterable, Sendable, Equatable, Hashable {
        /// Equal-width bins between the training minimum and maximum.
        case uniform
        /// Equal-count bins: edges at the training quantiles, interpolated linearly
        /// (numpy's default `method="linear"`, `KBinsDiscretizer(quantile_method="linear")`).
        case quantile

        /// The strategy called `name`.
        /// - Throws: ``ModelError`` for an unknown name.
        public init(named name: String) throws(ModelError) {
            guard let strategy = Strategy(rawValue: name) else {
                throw ModelError("unknown binning strategy `\(name)`; use uniform or quantile")
            }
            self = strategy
        }
    }

    /// The number of bins asked for, at least 2.
    public var bins: Int
    /// Where the edges go; `quantile` by default, as in scikit-learn.
    public var strategy: Strategy

    /// Creates a binning; ``PreprocessingSpec/validate()`` checks `bins`.
    public init(bins: Int, strategy: Strategy = .quantile) {
        self.bins = bins
        self.strategy = strategy
    }
}

extension Binning.Strategy: Codable {
    /// Decodes a name, with a plain-language error for an unknown one.
    public init(from decoder: any Decoder) throws {
        self = try SpecCoding.named(decoder) { name throws(ModelError) in try Binning.Strategy(named: name) }
    }
}

extension Binning: Codable {
    /// Decodes `{"bins": 4, "strategy": "quantile"}`; `strategy` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try SpecCoding.container(decoder, allowed: ["bins", "strategy"], in: "binning")
        guard container.contains(SpecKey("bins")) else {
            throw SpecCoding.corrupted("binning needs `bins`, e.g. {bins: 4, strategy: quantile}", decoder)
        }
        bins = try container.decode(Int.self, forKey: SpecKey("bins"))
        strategy = try container.decodeIfPresent(Strategy.self, forKey: SpecKey("strategy")) ?? .quantile
    }

    /// Encodes both keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecKey.self)
        try container.encode(bins, forKey: SpecKey("bins"))
        try container.encode(strategy, forKey: SpecKey("strategy"))
    }
}
