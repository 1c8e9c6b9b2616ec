/// Drift of a set of features between reference data (what a model was trained on)
/// and current data (what it sees now).
public struct DriftReport: Sendable, Equatable {
    /// One result per compared feature, in the order requested.
    public var features: [FeatureDrift]
    /// Drifted features divided by compared features (0 with no features).
    public var driftedShare: Double
    /// Whether ``driftedShare`` reached the share threshold (false with no features).
    public var datasetDrifted: Bool

    /// Creates a report from its parts.
    public init(features: [FeatureDrift], driftedShare: Double, datasetDrifted: Bool) {
        self.features = features
        self.driftedShare = driftedShare
        self.datasetDrifted = datasetDrifted
    }

    /// Compares `features` of `current` against `reference`.
    ///
    /// A feature drifts when its PSI ≥ `psiThreshold`, or — numeric features only —
    /// when the KS p-value < `ksPValueThreshold` **and** the KS statistic ≥ 0.1 (with
    /// large samples a tiny, harmless shift is "significant"; the statistic guards
    /// against that). A `nan` PSI (a side without values) does not count as drift.
    /// The dataset drifts when the share of drifted features ≥ `shareThreshold`.
    /// - Throws: ``DataError`` (empty `file`) naming a feature missing from either
    ///   frame, or whose type differs between them.
    public static func compare(
        reference: DataFrame, current: DataFrame, features: [String],
        psiThreshold: Double = 0.2, ksPValueThreshold: Double = 0.05, shareThreshold: Double = 0.5
    ) throws(DataError) -> DriftReport {
        var results = [FeatureDrift]()
        for feature in features {
            guard let referenceColumn = reference.column(named: feature) else {
                throw DataError(file: "", message: "feature `\(feature)` is not in the reference data")
            }
            guard let currentColumn = current.column(named: feature) else {
                throw DataError(file: "", message: "feature `\(feature)` is not in the current data")
            }
            switch (referenceColumn, currentColumn) {
            case (.numeric(let old), .numeric(let new)):
                let psi = DriftStatistics.psi(reference: old.values, current: new.values)
                let ks = DriftStatistics.ks(reference: old.values, current: new.values)
                let ksDrift = !ks.pValue.isNaN && ks.pValue < ksPValueThreshold && ks.statistic >= 0.1
                results.append(FeatureDrift(
                    feature: feature, type: .numeric, psi: psi,
                    ks: ks.statistic.isNaN ? nil : ks.statistic, ksPValue: ks.pValue.isNaN ? nil : ks.pValue,
                    drifted: psi >= psiThreshold || ksDrift,
                    missing: DriftFindings.missingShare(
                        referenceMissing: old.missingCount, referenceCount: old.values.count,
                        currentMissing: new.missingCount, currentCount: new.values.count,
                        pValueThreshold: ksPValueThreshold)))
            case (.categorical(let old), .categorical(let new)):
                let psi = DriftStatistics.psi(
                    referenceCodes: old.codes, referenceCategories: old.categories,
                    currentCodes: new.codes, currentCategories: new.categories)
                results.append(FeatureDrift(
                    feature: feature, type: .categorical, psi: psi, ks: nil, ksPValue: nil, drifted: psi >= psiThreshold,
                    missing: DriftFindings.missingShare(
                        referenceMissing: old.missingCount, referenceCount: old.codes.count,
                        currentMissing: new.missingCount, currentCount: new.codes.count,
                        pValueThreshold: ksPValueThreshold),
                    unseen: DriftFindings.unseenCategories(reference: old, current: new)))
            default:
                throw DataError(
                    file: "",
                    message: "feature `\(feature)` is \(referenceColumn.type.rawValue) in the reference data "
                        + "but \(currentColumn.type.rawValue) in the current data")
            }
        }
        let drifted = results.filter(\.drifted).count
        let share = results.isEmpty ? 0 : Double(drifted) / Double(results.count)
        return DriftReport(features: results, driftedShare: share, datasetDrifted: !results.isEmpty && share >= shareThreshold)
    }
}
