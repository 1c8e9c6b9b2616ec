/// What one drift test measured on one feature.
public struct DriftMeasurement: Sendable, Equatable {
    /// The test that decided.
    public var test: DriftTest
    /// The test statistic: K–S `D`, chi-square `χ²`, `z`, or the distance itself.
    public var statistic: Double
    /// The p-value, for tests that give one.
    public var pValue: Double?
    /// The threshold the score was compared with.
    public var threshold: Double
    /// An effect size beside a p-value (K–S `D`, Cramér's V, Cohen's h); `nil` for distances,
    /// which are effect sizes already.
    public var effectSize: Double?
    /// Whether the feature drifted: `p < threshold`, or `distance ≥ threshold`. A `nan`
    /// score never drifts.
    public var drifted: Bool

    /// Creates a measurement and decides drift from `threshold`.
    public init(test: DriftTest, statistic: Double, pValue: Double?, threshold: Double, effectSize: Double? = nil) {
        self.test = test
        self.statistic = statistic
        self.pValue = pValue
        self.threshold = threshold
        self.effectSize = effectSize
        if test.givesPValue {
            drifted = pValue.map { !$0.isNaN && $0 < threshold } ?? false
        } else {
            drifted = !statistic.isNaN && statistic >= threshold
        }
    }

    /// The number compared with the threshold: the p-value or the distance.
    public var score: Double { pValue ?? statistic }
}
