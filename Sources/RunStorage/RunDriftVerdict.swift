/// The verdict of one `monitor` directive.
public struct RunDriftVerdict: Sendable, Equatable {
    /// The current data file, as written in the notebook.
    public var current: String
    /// The reference dataset it was compared with, e.g. `census.train`.
    public var reference: String
    /// Whether the dataset drifted.
    public var drifted: Bool
    /// The share of features that drifted, in [0, 1].
    public var driftedShare: Double
    /// The features that drifted, in report order.
    public var driftedFeatures: [String]

    /// Creates a verdict.
    public init(current: String, reference: String, drifted: Bool, driftedShare: Double, driftedFeatures: [String]) {
        self.current = current
        self.reference = reference
        self.drifted = drifted
        self.driftedShare = driftedShare
        self.driftedFeatures = driftedFeatures
    }
}
