import Foundation

/// Drift of a set of features between reference data (what a model was trained on)
/// and current data (what it sees now).
public struct DriftReport: Sendable, Equatable {
    /// One result per compared feature, in the order requested.
    public var features: [FeatureDrift]
    /// Drifted features divided by compared features (0 with no features); with
    /// ``DriftPolicy/featureWeights``, their weights' share.
    public var driftedShare: Double
    /// Whether ``driftedShare`` reached the share threshold (false with no features).
    public var datasetDrifted: Bool

    /// Creates a report from its parts.
    public init(features: [FeatureDrift], driftedShare: Double, datasetDrifted: Bool) {
        self.features = features
        self.driftedShare = driftedShare
        self.datasetDrifted = datasetDrifted
    }

    /// Compares `features` of `current` against `reference` under `policy`.
    ///
    /// Each feature is decided by one test (``DriftPolicy``: a named one, or Evidently's
    /// default for its type, sample size and distinct values); missing values are left
    /// out of every test but counted by the PSI beside it and by the missing-share
    /// finding. The dataset drifts when the share of drifted features reaches
    /// ``DriftPolicy/shareThreshold``. Features are measured in parallel; the result
    /// does not depend on the number of threads.
    /// - Throws: ``DataError`` (empty `file`) naming a feature missing from either frame,
    ///   whose type differs between them, or whose requested test does not apply to it.
    public static func compare(
        reference: DataFrame, current: DataFrame, features: [String], policy: DriftPolicy = DriftPolicy()
    ) throws(DataError) -> DriftReport {
        var pairs = [(Column, Column)]()
        for feature in features {
            guard let referenceColumn = reference.column(named: feature) else {
                throw DataError(file: "", message: "feature `\(feature)` is not in the reference data")
            }
            guard let currentColumn = current.column(named: feature) else {
                throw DataError(file: "", message: "feature `\(feature)` is not in the current data")
            }
            guard referenceColumn.type == currentColumn.type else {
                throw DataError(
                    file: "",
                    message: "feature `\(feature)` is \(referenceColumn.type.rawValue) in the reference data "
                        + "but \(currentColumn.type.rawValue) in the current data")
            }
            if let test = policy.requestedTest(for: feature), !test.applies(to: referenceColumn.type) {
                throw DataError(
                    file: "",
                    message: "test `\(test.rawValue)` needs a numeric feature, but `\(feature)` is \(referenceColumn.type.rawValue)")
            }
            pairs.append((referenceColumn, currentColumn))
        }
        let columns = pairs
        let slots = OrderedSlots<FeatureDrift>(count: columns.count)
        let work = { @Sendable (index: Int) in
            let (old, new) = columns[index]
            slots.store(FeatureDriftMeasure.measure(reference: old, current: new, policy: policy), at: index)
        }
        if pairs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: pairs.count, execute: work)
        } else if pairs.count == 1 {
            work(0)
        }
        let results = slots.collected()
        let share: Double
        if let weights = policy.featureWeights {
            let total = results.reduce(0) { $0 + max(weights[$1.feature] ?? 0, 0) }
            let drifted = results.filter(\.drifted).reduce(0) { $0 + max(weights[$1.feature] ?? 0, 0) }
            share = total > 0 ? drifted / total : 0
        } else {
            share = results.isEmpty ? 0 : Double(results.filter(\.drifted).count) / Double(results.count)
        }
        return DriftReport(
            features: results, driftedShare: share, datasetDrifted: !results.isEmpty && share >= policy.shareThreshold)
    }
}
