import Testing
@testable import MLEngine

@Suite("Drift findings: missing shares and unseen categories")
struct DriftFindingsTests {
    /// Constants from `python3 -c "import scipy.stats as st, math; ... 2*st.norm.sf(abs(p1-p2)/se)"`
    /// with the pooled standard error (scipy 1.17.1).
    @Test("the two-proportion z-test matches scipy")
    func twoProportion() {
        #expect(abs(DriftFindings.twoProportionPValue(50, of: 1000, 80, of: 1000) - 0.00650659748363783) < 1e-15)
        #expect(abs(DriftFindings.twoProportionPValue(10, of: 200, 12, of: 180) - 0.4873018358533303) < 1e-15)
        #expect(DriftFindings.twoProportionPValue(0, of: 10, 0, of: 10) == 1)
        #expect(DriftFindings.twoProportionPValue(3, of: 0, 1, of: 10) == 1)
    }

    @Test("a burst of missing values in one column is reported; a small change is not")
    func missingBurst() throws {
        let reference = DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: (0..<5000).map(Double.init))),
            .numeric(NumericColumn(name: "y", values: (0..<5000).map { $0 % 100 == 0 ? .nan : Double($0) })),
        ])
        let current = DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: (0..<5000).map { $0 % 10 < 3 ? .nan : Double($0) })),
            .numeric(NumericColumn(name: "y", values: (0..<5000).map { $0 % 80 == 0 ? .nan : Double($0) })),
        ])
        let report = try DriftReport.compare(reference: reference, current: current, features: ["x", "y"])
        let x = try #require(report.features[0].missing)
        #expect(x.reference == 0 && abs(x.current - 0.3) < 1e-12 && x.flagged)
        #expect(x.pValue < 1e-16)
        #expect(report.features[1].missing?.flagged == false)
    }

    @Test("categories never seen in the reference are named, most frequent first")
    func unseen() {
        let reference = CategoricalColumn(name: "c", codes: [0, 1, 0, 1], categories: ["a", "b", "z"])
        let current = CategoricalColumn(name: "c", codes: [0, 1, 2, 2, 3, 0, CategoricalColumn.missingCode, 4], categories: ["a", "q", "r", "z", "s"])
        let found = DriftFindings.unseenCategories(reference: reference, current: current)
        #expect(found.map(\.category) == ["r", "q", "s", "z"])
        #expect(found[0].share == 0.25)
    }
}

@Suite("Drift: the importance-weighted dataset verdict")
struct DriftWeightingTests {
    static let reference = DataFrame(columns: [
        .numeric(NumericColumn(name: "shifted", values: (0..<2000).map { Double($0 % 100) })),
        .numeric(NumericColumn(name: "steady", values: (0..<2000).map { Double($0 % 50) })),
    ])
    static let current = DataFrame(columns: [
        .numeric(NumericColumn(name: "shifted", values: (0..<2000).map { Double($0 % 100 + 60) })),
        .numeric(NumericColumn(name: "steady", values: (0..<2000).map { Double($0 % 50) })),
    ])

    func report(_ weights: [String: Double]?) throws -> DriftReport {
        var policy = DriftPolicy()
        policy.featureWeights = weights
        return try DriftReport.compare(reference: Self.reference, current: Self.current, features: ["shifted", "steady"], policy: policy)
    }

    @Test("one of two features drifting is half the features, but its weight's share of the importance")
    func weights() throws {
        let plain = try report(nil)
        #expect(plain.features.map(\.drifted) == [true, false])
        #expect(plain.driftedShare == 0.5 && plain.datasetDrifted)
        let unimportant = try report(["shifted": 0.1, "steady": 0.9])
        #expect(abs(unimportant.driftedShare - 0.1) < 1e-12 && !unimportant.datasetDrifted)
        let important = try report(["shifted": 3, "steady": 1])
        #expect(abs(important.driftedShare - 0.75) < 1e-12 && important.datasetDrifted)
        #expect(try report([:]).driftedShare == 0)
    }
}

/// Constants from `python3 -c "from scipy.stats import anderson_ksamp; r = anderson_ksamp([a, b], variant='midrank'); print(repr(r.statistic), repr(r.pvalue))"`
/// (scipy 1.17.1) for the vectors below.
@Suite("Drift: two-sample Anderson–Darling as scipy's anderson_ksamp")
struct AndersonDarlingTests {
    func test(_ a: [Double], _ b: [Double]) -> (statistic: Double, pValue: Double) {
        DriftStatistics.andersonDarling(reference: SortedSample(a), current: SortedSample(b))
    }

    @Test("statistic and interpolated p-value on distinct values")
    func distinct() {
        let result = test([1.2, 3.4, 2.2, 5.1, 0.7, 3.3, 2.9, 4.4, 1.9, 2.5, 3.0, 3.8], [2.5, 4.1, 3.9, 6.2, 5.5, 4.8, 3.1, 5.0, 4.4, 6.0])
        #expect(abs(result.statistic - 4.050738734729869) < 1e-12)
        #expect(abs(result.pValue - 0.007725493854720026) < 1e-12)
    }

    @Test("ties use midranks; p-values are capped at 0.25 and floored at 0.001 as scipy's")
    func tiesAndCaps() {
        let tied = test([1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 5, 5, 6], [1, 2, 3, 3, 4, 4, 4, 5, 6, 6, 7, 7])
        #expect(abs(tied.statistic - 0.25696196107078584) < 1e-12)
        #expect(tied.pValue == 0.25)
        let x = (0..<200).map { (Double($0) * 0.37).truncatingRemainder(dividingBy: 5) }
        let y = (0..<150).map { (Double($0) * 0.37).truncatingRemainder(dividingBy: 5) + 0.05 }
        #expect(abs(test(x, y).statistic - -0.7842060716472418) < 1e-9)
        let far = test((0..<100).map(Double.init), (0..<100).map { Double($0) + 60 })
        #expect(far.pValue == 0.001)
        #expect(test([1, 1, 1], [1, 1]).statistic.isNaN)
        #expect(test([], [1, 2, 3]).pValue.isNaN)
    }

    @Test("chosen by name it decides the feature, with the normed Wasserstein distance as effect size")
    func asATest() throws {
        let reference = DataFrame(columns: [.numeric(NumericColumn(name: "x", values: (0..<500).map { Double($0 % 50) }))])
        let current = DataFrame(columns: [.numeric(NumericColumn(name: "x", values: (0..<500).map { Double($0 % 50 + 10) }))])
        let report = try DriftReport.compare(reference: reference, current: current, features: ["x"], policy: DriftPolicy(test: .andersonDarling))
        let measurement = report.features[0].measurement
        #expect(measurement.test == .andersonDarling && measurement.drifted)
        #expect(measurement.pValue == 0.001)
        #expect((measurement.effectSize ?? 0) > 0.5)
    }
}
