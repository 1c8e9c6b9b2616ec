#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a drift rule on distributions does not see: a change in how often a feature is
/// missing, and categories the model never saw in training.
public struct MissingShareChange: Sendable, Equatable {
    /// Share of missing values in the reference and the current data.
    public var reference: Double
    public var current: Double
    /// Two-sided p-value of the two-proportion z-test (1 when both shares are equal).
    public var pValue: Double
    /// Whether the change is reported: p < the test's threshold and the share moved by at
    /// least ``DriftFindings/missingShareMinimumChange``.
    public var flagged: Bool

    public init(reference: Double, current: Double, pValue: Double, flagged: Bool) {
        self.reference = reference
        self.current = current
        self.pValue = pValue
        self.flagged = flagged
    }
}

/// A category of the current data that the reference data never had.
public struct UnseenCategory: Sendable, Equatable {
    public var category: String
    /// Its share of the current rows.
    public var share: Double

    public init(category: String, share: Double) {
        self.category = category
        self.share = share
    }
}

/// The tests behind ``MissingShareChange`` and ``UnseenCategory``.
public enum DriftFindings {
    /// A missing share must move by at least this much (5 percentage points) to be reported:
    /// with many rows a negligible change is still "significant".
    public static let missingShareMinimumChange = 0.05

    /// Two-sided p-value of the two-proportion z-test of `x1` of `n1` against `x2` of `n2`
    /// (pooled standard error; 1 when the pooled share is 0 or 1, or a sample is empty).
    public static func twoProportionPValue(_ x1: Int, of n1: Int, _ x2: Int, of n2: Int) -> Double {
        guard n1 > 0, n2 > 0 else { return 1 }
        let p1 = Double(x1) / Double(n1)
        let p2 = Double(x2) / Double(n2)
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let variance = pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))
        guard variance > 0 else { return 1 }
        let z = abs(p1 - p2) / variance.squareRoot()
        return min(1, erfc(z / 2.0.squareRoot()))
    }

    /// The missing-share change of one feature.
    public static func missingShare(
        referenceMissing: Int, referenceCount: Int, currentMissing: Int, currentCount: Int, pValueThreshold: Double
    ) -> MissingShareChange {
        let reference = referenceCount == 0 ? 0 : Double(referenceMissing) / Double(referenceCount)
        let current = currentCount == 0 ? 0 : Double(currentMissing) / Double(currentCount)
        let pValue = twoProportionPValue(referenceMissing, of: referenceCount, currentMissing, of: currentCount)
        return MissingShareChange(
            reference: reference, current: current, pValue: pValue,
            flagged: pValue < pValueThreshold && abs(current - reference) >= missingShareMinimumChange)
    }

    /// Categories present in `current` but never in `reference`, most frequent first (ties by name).
    public static func unseenCategories(reference: CategoricalColumn, current: CategoricalColumn) -> [UnseenCategory] {
        var seen = Set<String>()
        var present = [Bool](repeating: false, count: reference.categories.count)
        for code in reference.codes where code != CategoricalColumn.missingCode { present[Int(code)] = true }
        for (category, isPresent) in zip(reference.categories, present) where isPresent { seen.insert(category) }
        var counts = [Int](repeating: 0, count: current.categories.count)
        for code in current.codes where code != CategoricalColumn.missingCode { counts[Int(code)] += 1 }
        let rows = max(current.codes.count, 1)
        return zip(current.categories, counts)
            .filter { $0.1 > 0 && !seen.contains($0.0) }
            .map { UnseenCategory(category: $0.0, share: Double($0.1) / Double(rows)) }
            .sorted { ($0.share, $1.category) > ($1.share, $0.category) }
    }
}
