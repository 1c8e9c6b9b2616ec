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
