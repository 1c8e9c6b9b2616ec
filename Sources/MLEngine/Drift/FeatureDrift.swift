/// The drift measured on one feature.
public struct FeatureDrift: Sendable, Equatable {
    /// The feature (column) name.
    public var feature: String
    /// The feature's type.
    public var type: ColumnType
    /// The deciding test's result.
    public var measurement: DriftMeasurement
    /// Population Stability Index beside the test, whatever it is (`nan` when a side has no rows).
    public var psi: Double
    /// Non-missing values compared on each side.
    public var referenceCount: Int
    public var currentCount: Int
    /// How the share of missing values moved (reported on its own; it does not make the feature drift).
    public var missing: MissingShareChange?
    /// Categories the reference never had (categorical features), with their share of current rows.
    public var unseen: [UnseenCategory]
    /// Both distributions side by side, for drifted features.
    public var distribution: DriftDistribution?

    /// Creates a feature result.
    public init(
        feature: String, type: ColumnType, measurement: DriftMeasurement, psi: Double,
        referenceCount: Int = 0, currentCount: Int = 0, missing: MissingShareChange? = nil, unseen: [UnseenCategory] = [],
        distribution: DriftDistribution? = nil
    ) {
        self.feature = feature
        self.type = type
        self.measurement = measurement
        self.psi = psi
        self.referenceCount = referenceCount
        self.currentCount = currentCount
        self.missing = missing
        self.unseen = unseen
        self.distribution = distribution
    }

    /// Whether the feature drifted under its test.
    public var drifted: Bool { measurement.drifted }
}
