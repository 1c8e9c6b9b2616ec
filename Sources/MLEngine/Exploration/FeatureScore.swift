/// A feature and a score of how much it tells about a target (e.g. mutual information).
public struct FeatureScore: Sendable, Equatable, Hashable {
    /// The feature column name.
    public var feature: String
    /// The score; larger means more informative.
    public var score: Double

    /// Creates a score.
    public init(feature: String, score: Double) {
        self.feature = feature
        self.score = score
    }
}
