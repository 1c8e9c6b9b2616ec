import Foundation
import Testing
@testable import MLEngine

private func close(_ lhs: Double?, _ rhs: Double, relative: Double = 1e-9) -> Bool {
    guard let lhs else { return false }
    return abs(lhs - rhs) <= relative * max(abs(rhs), 1e-300)
}

@Suite("Drift statistics")
struct DriftStatisticsTests {
    @Test func numericPSIByHand() {
        // Cut at the reference median 2.5, plus a bucket for missing values: reference shares
        // (0.4, 0.4, 0.2), current (0.75, 0.25, 0 → 1e-4).
        // python: .35*log(.75/.4) - .15*log(.25/.4) + (1e-4-.2)*log(1e-4/.2)
        let psi = DriftStatistics.psi(reference: [1, 2, 3, 4, .nan], current: [1, 1, 1, 4], bins: 2)
        #expect(close(psi, 1.8099339768471536, relative: 1e-12))
        // Without missing values on either side there is no missing bucket.
        let plain = DriftStatistics.psi(reference: [1, 2, 3, 4], current: [1, 1, 1, 4], bins: 2)
        #expect(close(plain, 0.2746530721670274, relative: 1e-12))
    }

    @Test func aPointMassGetsItsOwnBucket() {
        // 90 % zeros, like capital-gain: decile cuts would all be 0 and hide a shift among the rest.
        let reference = (0..<1000).map { $0 < 900 ? 0.0 : Double($0 - 899) }
        let shifted = (0..<1000).map { $0 < 900 ? 0.0 : Double($0 - 899) * 10 }
        let psi = DriftStatistics.psi(reference: reference, current: shifted)
        #expect(psi > 0.2)
        #expect(DriftStatistics.psi(reference: reference, current: reference) == 0)
    }

    @Test func aBurstOfMissingValuesMovesPSI() {
        let reference = (0..<1000).map { Double($0) }
        let current = (0..<1000).map { $0 % 10 < 3 ? Double.nan : Double($0) }
        #expect(DriftStatistics.psi(reference: reference, current: current) > 1)
    }

    @Test func identicalSamplesHaveZeroPSI() {
        let values = (0..<500).map { Double($0 % 37) }
        #expect(DriftStatistics.psi(reference: values, current: values.reversed()) == 0)
    }

    @Test func bucketsAreRightClosedAndEmptyBucketsAreFloored() {
        // Reference all ≤ 2.5 cut; current puts everything above it: shares (1e-4, 1) vs (0.5, 0.5).
        let psi = DriftStatistics.psi(reference: [1, 2, 3, 4], current: [9, 9], bins: 2)
        let low: Double = (1e-4 - 0.5) * log(1e-4 / 0.5)
        let high: Double = (1 - 0.5) * log(1 / 0.5)
        let expected = low + high
        #expect(close(psi, expected, relative: 1e-12))
        #expect(DriftStatistics.psi(reference: [], current: [1]).isNaN)
    }

    @Test func categoricalPSIAlignsByTextAndGivesUnseenCategoriesTheirOwnBucket() {
        // Reference: a, b, a, b. Current (own dictionary c, b): b, c, c, c.
        // The reference's missing code is a bucket of its own (share 0.2, current 0 → 1e-4).
        // python: (f-.4)*log(f/.4) + (.25-.4)*log(.25/.4) + (.75-f)*log(.75/f) + (f-.2)*log(f/.2), f = 1e-4
        let psi = DriftStatistics.psi(
            referenceCodes: [0, 1, 0, 1, CategoricalColumn.missingCode], referenceCategories: ["a", "b"],
            currentCodes: [1, 0, 0, 0], currentCategories: ["c", "b"])
        #expect(close(psi, 11.597812855939472, relative: 1e-12))
        let same = DriftStatistics.psi(
            referenceCodes: [0, 1], referenceCategories: ["a", "b"], currentCodes: [1, 0], currentCategories: ["b", "a"])
        #expect(same == 0)
    }

    // scipy.stats.ks_2samp(a, b) (default method="auto": exact up to 10,000 values a side).
    @Test func ksSmallSamples() {
        let result = DriftStatistics.ks(reference: [1, 2, 3, 4, 5], current: [3.5, 4.5, 5.5, 6.5])
        #expect(result.statistic == 0.6)
        #expect(close(result.pValue, 0.2857142857142857))
    }

    @Test func ksModerateSamples() {
        // ref = [(i*37)%101/10.0 for i in range(200)], cur = [((i*53)%97)/9.0+0.5 for i in range(150)]
        let reference = (0..<200).map { Double(($0 * 37) % 101) / 10.0 }
        let current = (0..<150).map { Double(($0 * 53) % 97) / 9.0 + 0.5 }
        let result = DriftStatistics.ks(reference: reference, current: current)
        #expect(close(result.statistic, 0.10666666666666667, relative: 1e-14))
        #expect(close(result.pValue, 0.2670091673604593))
    }

    @Test func ksLargeSamplesTinyPValue() {
        // ref = [(i*7919)%1000/100.0 for i in range(3000)], cur = [(i*7919)%1000/100.0*1.1+0.2 for i in range(2000)]
        let reference = (0..<3000).map { Double(($0 * 7919) % 1000) / 100.0 }
        let current = (0..<2000).map { Double(($0 * 7919) % 1000) / 100.0 * 1.1 + 0.2 }
        let result = DriftStatistics.ks(reference: reference, current: current)
        #expect(close(result.statistic, 0.109, relative: 1e-14))
        #expect(close(result.pValue, 7.45996520311413e-13, relative: 1e-7))
    }

    @Test func kolmogorovDistributionAcrossMethods() {
        // scipy.stats.kstwo.sf(x, n): each (n, x) exercises a different branch.
        let cases: [(Int, Double, Double)] = [
            (10, 0.3, 0.27053557479999946), (5, 0.6, 0.03008000000000001), (100, 0.15, 0.019839242125641813),
            (100, 0.25, 5.408871776434847e-06), (141, 0.05, 0.854845693009663), (500, 0.08, 0.0031305058199356268),
            (100000, 0.003, 0.3284563327726956), (200000, 0.003, 0.0545369786611305),
            (2000000, 0.001, 0.03660662431970485), (7, 0.95, 1.5625000000000096e-09), (3, 0.5, 0.3333333333333333),
        ]
        for (n, x, expected) in cases {
            #expect(close(KolmogorovDistribution.survival(n: n, x: x), expected, relative: 1e-8), "n=\(n) x=\(x)")
        }
        #expect(KolmogorovDistribution.survival(n: 1000, x: 0.001) == 1)
        #expect(KolmogorovDistribution.survival(n: 10, x: 1) == 0)
    }

    @Test func ksWithEmptySideIsNaN() {
        let result = DriftStatistics.ks(reference: [.nan], current: [1, 2])
        #expect(result.statistic.isNaN && result.pValue.isNaN)
    }
}

@Suite("Drift report")
struct DriftReportTests {
    static func frame(shift: Double, cities: [UInt32], categories: [String] = ["a", "b", "c"]) -> DataFrame {
        DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: (0..<1000).map { Double($0 % 100) + shift })),
            .categorical(CategoricalColumn(name: "city", codes: cities, categories: categories)),
        ])
    }

    @Test func flagsShiftedNumericFeatureOnly() throws {
        let cities = (0..<1000).map { UInt32($0 % 3) }
        let reference = Self.frame(shift: 0, cities: cities)
        let current = Self.frame(shift: 30, cities: cities.reversed())
        let report = try DriftReport.compare(reference: reference, current: current, features: ["x", "city"])
        #expect(report.features.map(\.feature) == ["x", "city"])
        #expect(report.features[0].drifted)
        #expect(report.features[0].type == .numeric)
        // 1,000 reference rows: K–S for the numeric feature, chi-square for the categorical one.
        #expect(report.features[0].measurement.test == .ks)
        #expect(report.features[0].measurement.statistic >= 0.29)
        #expect((report.features[0].measurement.pValue ?? 1) < 1e-10)
        #expect(!report.features[1].drifted)
        #expect(report.features[1].measurement.test == .chiSquare)
        #expect(report.driftedShare == 0.5)
        #expect(report.datasetDrifted)
        let strict = try DriftReport.compare(reference: reference, current: current, features: ["x", "city"], policy: DriftPolicy(shareThreshold: 0.6))
        #expect(!strict.datasetDrifted)
    }

    @Test func categoricalDriftByChiSquareWithPSIBeside() throws {
        let reference = Self.frame(shift: 0, cities: (0..<1000).map { UInt32($0 % 3) })
        let current = Self.frame(shift: 0, cities: (0..<1000).map { $0 % 10 == 0 ? 1 : 0 }, categories: ["z", "a"])
        let report = try DriftReport.compare(reference: reference, current: current, features: ["city"])
        #expect(report.features[0].drifted)
        #expect(report.features[0].psi > 1)
        #expect(report.driftedShare == 1)
    }

    @Test func noFeaturesMeansNoDrift() throws {
        let frame = Self.frame(shift: 0, cities: [UInt32](repeating: 0, count: 1000))
        let report = try DriftReport.compare(reference: frame, current: frame, features: [])
        #expect(report.driftedShare == 0 && !report.datasetDrifted)
    }

    @Test func missingFeatureIsAnError() {
        let frame = Self.frame(shift: 0, cities: [UInt32](repeating: 0, count: 1000))
        #expect(throws: DataError(file: "", message: "feature `age` is not in the current data")) {
            try DriftReport.compare(reference: frame.replacing(.numeric(NumericColumn(name: "age", values: Array(repeating: 1, count: 1000)))),
                                    current: frame, features: ["age"])
        }
        #expect(throws: DataError(file: "", message: "feature `age` is not in the reference data")) {
            try DriftReport.compare(reference: frame, current: frame, features: ["age"])
        }
    }

    @Test func typeMismatchIsAnError() {
        let reference = Self.frame(shift: 0, cities: [UInt32](repeating: 0, count: 1000))
        let current = reference.replacing(.numeric(NumericColumn(name: "city", values: Array(repeating: 1, count: 1000))))
        #expect(throws: DataError(
            file: "", message: "feature `city` is categorical in the reference data but numeric in the current data")) {
            try DriftReport.compare(reference: reference, current: current, features: ["city"])
        }
    }
}
