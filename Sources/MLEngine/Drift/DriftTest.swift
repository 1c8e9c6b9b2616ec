/// A statistical test or distance that decides whether one feature drifted.
///
/// Tests that give a p-value (``ks``, ``chiSquare``, ``zTest``) flag drift when
/// `p < threshold`; distances (``wasserstein``, ``jensenShannon``, ``psi``) when
/// `distance ≥ threshold`. The default thresholds are Evidently's.
public enum DriftTest: String, Sendable, Equatable, CaseIterable, Codable {
    /// Two-sample Kolmogorov–Smirnov (numeric): exact p-value when both samples have
    /// at most 10,000 values, asymptotic otherwise (scipy's `ks_2samp` default).
    case ks
    /// Wasserstein-1 distance divided by the reference's standard deviation (numeric).
    case wasserstein
    /// Population Stability Index on reference-quantile bins, a bin per point mass and
    /// a bin for missing values.
    case psi
    /// Chi-square test of the two-sample contingency table (reference / current ×
    /// value), without continuity correction.
    case chiSquare = "chisquare"
    /// Jensen–Shannon distance (natural logarithm) of the two value distributions.
    case jensenShannon = "jensenshannon"
    /// Two-proportion z-test of the reference's most common value against the rest.
    case zTest = "z"
    /// Two-sample Anderson–Darling (numeric), scipy's `anderson_ksamp`: more weight on the
    /// tails than K–S; its p-value is interpolated and capped to [0.001, 0.25].
    case andersonDarling = "anderson"

    /// Whether the test's score is a p-value (drift below the threshold) rather than a
    /// distance (drift at or above it).
    public var givesPValue: Bool {
        switch self {
        case .ks, .chiSquare, .zTest, .andersonDarling: true
        case .wasserstein, .psi, .jensenShannon: false
        }
    }

    /// Evidently's default threshold for the test.
    public var defaultThreshold: Double {
        switch self {
        case .ks, .chiSquare, .zTest, .andersonDarling: 0.05
        case .wasserstein, .jensenShannon, .psi: 0.1
        }
    }

    /// Whether the test applies to a feature of `type` (KS and Wasserstein need numbers;
    /// the others compare value frequencies and take either type).
    public func applies(to type: ColumnType) -> Bool {
        switch self {
        case .ks, .wasserstein, .andersonDarling: type == .numeric
        case .psi, .chiSquare, .jensenShannon, .zTest: true
        }
    }

    /// The name shown in reports.
    public var displayName: String {
        switch self {
        case .ks: "K–S"
        case .wasserstein: "Wasserstein (normed)"
        case .psi: "PSI"
        case .chiSquare: "chi-square"
        case .jensenShannon: "Jensen–Shannon"
        case .zTest: "z-test"
        case .andersonDarling: "Anderson–Darling"
        }
    }

    /// Evidently's default choice: with at most 1,000 reference values, KS for a numeric
    /// feature with more than 5 distinct values, otherwise chi-square (more than 2
    /// distinct values) or the z-test; with more reference values, the normed
    /// Wasserstein distance for a numeric feature with more than 5 distinct values,
    /// otherwise Jensen–Shannon. `distinctValues` counts both samples together.
    public static func evidentlyDefault(type: ColumnType, referenceCount: Int, distinctValues: Int) -> DriftTest {
        let manyValues = type == .numeric && distinctValues > 5
        if referenceCount <= 1000 {
            if manyValues { return .ks }
            return distinctValues > 2 ? .chiSquare : .zTest
        }
        return manyValues ? .wasserstein : .jensenShannon
    }
}
