/// Measures one feature: the deciding test, the PSI beside it, and the findings.
enum FeatureDriftMeasure {
    static func measure(reference: Column, current: Column, policy: DriftPolicy) -> FeatureDrift {
        switch (reference, current) {
        case (.numeric(let old), .numeric(let new)):
            return numeric(old, new, policy: policy)
        case (.categorical(let old), .categorical(let new)):
            return categorical(old, new, policy: policy)
        default:
            // compare(…) checked the types already.
            let measurement = DriftMeasurement(test: .psi, statistic: .nan, pValue: nil, threshold: .nan)
            return FeatureDrift(feature: reference.name, type: reference.type, measurement: measurement, psi: .nan)
        }
    }

    private static func numeric(_ old: NumericColumn, _ new: NumericColumn, policy: DriftPolicy) -> FeatureDrift {
        let reference = SortedSample(old.values)
        let current = SortedSample(new.values)
        let test = policy.requestedTest(for: old.name)
            ?? DriftTest.evidentlyDefault(
                type: .numeric, referenceCount: reference.values.count,
                distinctValues: reference.distinctCount(with: current, limit: 5))
        let threshold = policy.threshold(for: old.name, test: test)
        let psi = DriftStatistics.psi(reference: reference, current: current, bins: policy.psiBins)
        let measurement: DriftMeasurement
        switch test {
        case .ks:
            let result = DriftStatistics.ks(reference: reference, current: current)
            measurement = DriftMeasurement(
                test: .ks, statistic: result.statistic, pValue: result.pValue, threshold: threshold,
                effectSize: result.statistic)
        case .andersonDarling:
            let result = DriftStatistics.andersonDarling(reference: reference, current: current)
            measurement = DriftMeasurement(
                test: .andersonDarling, statistic: result.statistic, pValue: result.pValue, threshold: threshold,
                effectSize: DriftStatistics.wassersteinNormed(reference: reference, current: current))
        case .wasserstein:
            measurement = DriftMeasurement(
                test: .wasserstein, statistic: DriftStatistics.wassersteinNormed(reference: reference, current: current),
                pValue: nil, threshold: threshold)
        case .psi:
            measurement = DriftMeasurement(test: .psi, statistic: psi, pValue: nil, threshold: threshold)
        case .jensenShannon:
            measurement = DriftMeasurement(
                test: .jensenShannon, statistic: DriftStatistics.jensenShannon(reference: reference, current: current),
                pValue: nil, threshold: threshold)
        case .chiSquare, .zTest:
            measurement = frequencyTest(test, AlignedCounts(reference: reference, current: current), threshold: threshold)
        }
        return FeatureDrift(
            feature: old.name, type: .numeric, measurement: measurement, psi: psi,
            referenceCount: reference.values.count, currentCount: current.values.count,
            missing: DriftFindings.missingShare(
                referenceMissing: reference.missing, referenceCount: reference.count,
                currentMissing: current.missing, currentCount: current.count, pValueThreshold: policy.findingsPValue),
            distribution: measurement.drifted ? DriftDistribution.numeric(reference: reference, current: current) : nil)
    }

    private static func categorical(_ old: CategoricalColumn, _ new: CategoricalColumn, policy: DriftPolicy) -> FeatureDrift {
        let counts = AlignedCounts(
            referenceCodes: old.codes, referenceCategories: old.categories,
            currentCodes: new.codes, currentCategories: new.categories)
        let referenceCount = counts.referenceTotal
        let test = policy.requestedTest(for: old.name)
            ?? DriftTest.evidentlyDefault(
                type: .categorical, referenceCount: referenceCount, distinctValues: counts.valueCount)
        let threshold = policy.threshold(for: old.name, test: test)
        let psi = DriftStatistics.psi(counts)
        let measurement: DriftMeasurement
        switch test {
        case .psi:
            measurement = DriftMeasurement(test: .psi, statistic: psi, pValue: nil, threshold: threshold)
        case .jensenShannon:
            measurement = DriftMeasurement(
                test: .jensenShannon, statistic: DriftStatistics.jensenShannon(counts.reference, counts.current),
                pValue: nil, threshold: threshold)
        case .chiSquare, .zTest, .ks, .wasserstein, .andersonDarling:
            // compare(…) refused KS, Anderson–Darling and Wasserstein for categorical features.
            measurement = frequencyTest(test == .zTest ? .zTest : .chiSquare, counts, threshold: threshold)
        }
        return FeatureDrift(
            feature: old.name, type: .categorical, measurement: measurement, psi: psi,
            referenceCount: referenceCount, currentCount: counts.currentTotal,
            missing: DriftFindings.missingShare(
                referenceMissing: counts.referenceMissing, referenceCount: old.codes.count,
                currentMissing: counts.currentMissing, currentCount: new.codes.count,
                pValueThreshold: policy.findingsPValue),
            unseen: DriftFindings.unseenCategories(reference: old, current: new),
            distribution: measurement.drifted ? DriftDistribution.categorical(old, new) : nil)
    }

    private static func frequencyTest(_ test: DriftTest, _ counts: AlignedCounts, threshold: Double) -> DriftMeasurement {
        if test == .zTest {
            let result = DriftStatistics.zTest(counts)
            return DriftMeasurement(
                test: .zTest, statistic: result.statistic, pValue: result.pValue, threshold: threshold,
                effectSize: result.cohensH)
        }
        let result = DriftStatistics.chiSquare(counts)
        return DriftMeasurement(
            test: .chiSquare, statistic: result.statistic, pValue: result.pValue, threshold: threshold,
            effectSize: result.cramersV)
    }
}
