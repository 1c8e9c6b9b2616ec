/// How much a model's score drops when one feature's values are shuffled.
public struct PermutationScore: Sendable, Equatable {
    /// The feature column name.
    public var feature: String
    /// Mean of ``drops``: the importance. Near 0 (or below) for a feature the model does not need.
    public var meanDrop: Double
    /// Population standard deviation (`ddof = 0`, as scikit-learn reports) of ``drops``.
    public var stdDrop: Double
    /// Baseline score minus the score with the feature shuffled, one per repeat.
    public var drops: [Double]

    /// Creates a score from its parts.
    public init(feature: String, meanDrop: Double, stdDrop: Double, drops: [Double]) {
        self.feature = feature
        self.meanDrop = meanDrop
        self.stdDrop = stdDrop
        self.drops = drops
    }

    /// A score summarising `drops`.
    init(feature: String, drops: [Double]) {
        var sum = CompensatedSum()
        for drop in drops { sum.add(drop) }
        let mean = drops.isEmpty ? .nan : sum.value / Double(drops.count)
        var squares = CompensatedSum()
        for drop in drops { squares.add((drop - mean) * (drop - mean)) }
        let std = drops.isEmpty ? .nan : (squares.value / Double(drops.count)).squareRoot()
        self.init(feature: feature, meanDrop: mean, stdDrop: std, drops: drops)
    }
}
