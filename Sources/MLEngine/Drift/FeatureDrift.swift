/// The drift measured on one feature.
public struct FeatureDrift: Sendable, Equatable {
    /// The feature (column) name.
    public var feature: String
    /// The feature's type.
    public var type: ColumnType
    /// Population Stability Index (`nan` when a side has no values).
    public var psi: Double
    /// Kolmogorov–Smirnov statistic (numeric features only).
    public var ks: Double?
    /// Kolmogorov–Smirnov two-sided p-value (numeric features only).
    public var ksPValue: Double?
    /// Whether the feature drifted under the rule of ``DriftReport/compare(reference:current:features:psiThreshold:ksPValueThreshold:shareThreshold:)``.
    public var drifted: Bool
    /// How the share of missing values moved (reported on its own; it does not make the feature drift).
    public var missing: MissingShareChange?
    /// Categories the reference never had (categorical features), with their share of current rows.
    public var unseen: [UnseenCategory]

    /// Creates a feature result.
    public init(
        feature: String, type: ColumnType, psi: Double, ks: Double?, ksPValue: Double?, drifted: Bool,
        missing: MissingShareChange? = nil, unseen: [UnseenCategory] = []
    ) {
        self.feature = feature
        self.type = type
        self.psi = psi
        self.ks = ks
        self.ksPValue = ksPValue
        self.drifted = drifted
        self.missing = missing
        self.unseen = unseen
    }
}
