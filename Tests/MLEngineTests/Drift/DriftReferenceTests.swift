import Testing
@testable import MLEngine

/// Constants from `python3 scripts/reference/drift_reference.py` (scipy 1.17.1, numpy 2.4.6),
/// which builds the same samples by the same formulas.
@Suite("Drift tests against scipy")
struct DriftReferenceTests {
    static func sample(_ n: Int, _ a: Int, _ m: Int, _ scale: Double, _ shift: Double) -> [Double] {
        (0..<n).map { Double($0 * a % m) / scale + shift }
    }

    static func close(_ lhs: Double, _ rhs: Double, _ relative: Double = 1e-10) -> Bool {
        abs(lhs - rhs) <= relative * max(abs(rhs), 1e-300)
    }

    let x = sample(60, 7919, 101, 10, 0)
    let y = sample(45, 104729, 97, 9, 0.5)

    @Test("exact K–S p-values for unequal, equal and large samples")
    func exactKS() {
        let unequal = DriftStatistics.ks(reference: x, current: y)
        #expect(Self.close(unequal.statistic, 0.12222222222222222, 1e-14))
        #expect(Self.close(unequal.pValue, 0.7990882072519797))
        let equal = DriftStatistics.ks(
            reference: Self.sample(50, 31, 89, 8, 0), current: Self.sample(50, 17, 83, 8, 1.5))
        #expect(Self.close(equal.statistic, 0.16, 1e-14))
        #expect(Self.close(equal.pValue, 0.5486851446031328))
        let large = DriftStatistics.ks(
            reference: Self.sample(9000, 7919, 1009, 100, 0), current: Self.sample(8000, 104729, 997, 100, 0.2))
        #expect(Self.close(large.statistic, 0.020652777777777777, 1e-12))
        #expect(Self.close(large.pValue, 0.05308114461538488, 1e-8))
    }

    @Test("above 10,000 values a side K–S is asymptotic, as scipy's default")
    func asymptoticKS() {
        let result = DriftStatistics.ks(
            reference: Self.sample(12000, 7919, 1009, 100, 0), current: Self.sample(11000, 104729, 997, 100, 0.05))
        #expect(Self.close(result.statistic, 0.007000000000000006, 1e-9))
        #expect(Self.close(result.pValue, 0.939318004789464, 1e-8))
    }

    @Test("Wasserstein-1 distance, raw and normed by the reference's standard deviation")
    func wasserstein() {
        let reference = SortedSample(x)
        let current = SortedSample(y)
        #expect(Self.close(DriftStatistics.wasserstein(reference: reference, current: current), 0.7069753086419754, 1e-12))
        #expect(Self.close(DriftStatistics.wassersteinNormed(reference: reference, current: current), 0.2395884548536409, 1e-12))
        #expect(DriftStatistics.wasserstein(reference: reference, current: reference) == 0)
    }

    @Test("chi-square on the contingency table, and the distribution's upper tail")
    func chiSquare() {
        let counts = AlignedCounts(reference: [30, 12, 8, 50], current: [22, 20, 3, 70])
        let result = DriftStatistics.chiSquare(counts)
        #expect(Self.close(result.statistic, 7.828423026249112, 1e-12))
        #expect(Self.close(result.pValue, 0.049694021995183024))
        let tails: [(Double, Int, Double)] = [
            (3.2, 1, 0.07363827012030258), (50, 4, 3.610865404890647e-10), (400, 10, 9.413291991183437e-80),
            (0.5, 7, 0.9994464813904249), (12, 12, 0.44567964136461097),
        ]
        for (statistic, freedom, expected) in tails {
            #expect(Self.close(ChiSquareDistribution.survival(statistic, degreesOfFreedom: freedom), expected, 1e-9), "χ²=\(statistic) df=\(freedom)")
        }
        #expect(DriftStatistics.chiSquare(AlignedCounts(reference: [5], current: [9])).pValue == 1)
    }

    @Test("Jensen–Shannon distance on counts and on Sturges bins of numbers")
    func jensenShannon() {
        #expect(Self.close(DriftStatistics.jensenShannon([30, 12, 8, 50, 0], [22, 20, 3, 70, 5]), 0.1806570782962874, 1e-12))
        let (reference, current) = DriftStatistics.sturgesHistograms(
            reference: SortedSample(x).values, current: SortedSample(y).values)
        #expect(reference == [9, 8, 8, 8, 8, 8, 8, 3])
        #expect(current == [4, 7, 5, 6, 6, 4, 6, 7])
        #expect(Self.close(DriftStatistics.jensenShannon(reference: SortedSample(x), current: SortedSample(y)), 0.14609222116766526, 1e-12))
    }

    @Test("the z-test compares the share of all but the reference's most common value")
    func zTest() {
        let result = DriftStatistics.zTest(AlignedCounts(reference: [70, 30], current: [50, 40]))
        #expect(Self.close(result.statistic, -2.0609110842912406, 1e-12))
        #expect(Self.close(result.pValue, 0.03931152363112744, 1e-9))
        #expect(DriftStatistics.zTest(AlignedCounts(reference: [10], current: [4])).pValue == 1)
    }
}

@Suite("Drift test choice and policy")
struct DriftPolicyTests {
    @Test("Evidently's default tests by sample size, type and distinct values")
    func defaults() {
        #expect(DriftTest.evidentlyDefault(type: .numeric, referenceCount: 1000, distinctValues: 6) == .ks)
        #expect(DriftTest.evidentlyDefault(type: .numeric, referenceCount: 1000, distinctValues: 5) == .chiSquare)
        #expect(DriftTest.evidentlyDefault(type: .numeric, referenceCount: 999, distinctValues: 2) == .zTest)
        #expect(DriftTest.evidentlyDefault(type: .categorical, referenceCount: 10, distinctValues: 3) == .chiSquare)
        #expect(DriftTest.evidentlyDefault(type: .categorical, referenceCount: 10, distinctValues: 2) == .zTest)
        #expect(DriftTest.evidentlyDefault(type: .numeric, referenceCount: 1001, distinctValues: 6) == .wasserstein)
        #expect(DriftTest.evidentlyDefault(type: .numeric, referenceCount: 1001, distinctValues: 5) == .jensenShannon)
        #expect(DriftTest.evidentlyDefault(type: .categorical, referenceCount: 5000, distinctValues: 40) == .jensenShannon)
    }

    static func frames(rows: Int) -> (DataFrame, DataFrame) {
        let reference = DataFrame(columns: [
            .numeric(NumericColumn(name: "age", values: (0..<rows).map { Double($0 % 60) + 20 })),
            .categorical(CategoricalColumn(name: "city", codes: (0..<rows).map { UInt32($0 % 3) }, categories: ["a", "b", "c"])),
        ])
        let current = DataFrame(columns: [
            .numeric(NumericColumn(name: "age", values: (0..<rows).map { Double($0 % 60) + 23 })),
            .categorical(CategoricalColumn(name: "city", codes: (0..<rows).map { UInt32($0 % 3) }, categories: ["a", "b", "c"])),
        ])
        return (reference, current)
    }

    @Test("large samples use the normed Wasserstein distance and Jensen–Shannon")
    func largeSamples() throws {
        let (reference, current) = Self.frames(rows: 5000)
        let report = try DriftReport.compare(reference: reference, current: current, features: ["age", "city"])
        #expect(report.features.map(\.measurement.test) == [.wasserstein, .jensenShannon])
        // A shift of 3 years against a standard deviation of ~17.3: normed distance ≈ 0.17.
        #expect(report.features[0].drifted && abs(report.features[0].measurement.statistic - 3 / 17.318102282486574) < 1e-3)
        #expect(!report.features[1].drifted && report.features[1].measurement.statistic == 0)
    }

    @Test("a test and a threshold per feature, and a test that does not apply is refused")
    func perFeature() throws {
        let (reference, current) = Self.frames(rows: 5000)
        let policy = DriftPolicy(tests: ["age": .psi], thresholds: ["age": 5])
        let report = try DriftReport.compare(reference: reference, current: current, features: ["age", "city"], policy: policy)
        #expect(report.features[0].measurement.test == .psi && report.features[0].measurement.threshold == 5)
        #expect(!report.features[0].drifted)
        #expect(report.features[1].measurement.threshold == 0.1)
        #expect(throws: DataError(file: "", message: "test `ks` needs a numeric feature, but `city` is categorical")) {
            try DriftReport.compare(reference: reference, current: current, features: ["city"], policy: DriftPolicy(test: .ks))
        }
    }

    @Test("features measured in parallel come back in order and equal one-at-a-time results")
    func parallelOrder() throws {
        let (reference, current) = Self.frames(rows: 3000)
        let features = ["city", "age", "city", "age", "age"]
        let together = try DriftReport.compare(reference: reference, current: current, features: features)
        for (index, feature) in features.enumerated() {
            let alone = try DriftReport.compare(reference: reference, current: current, features: [feature])
            #expect(together.features[index] == alone.features[0])
        }
    }

    @Test("the radix sort orders negative, positive, zero and infinite values")
    func radixSort() {
        var generator = SeededGenerator(seed: 7)
        var values = (0..<5000).map { _ in (Double(generator.next() % 2_000_001) - 1_000_000) / 1000 }
        values += [.infinity, -.infinity, 0, -0.0, 1e300, -1e-300, .leastNonzeroMagnitude]
        #expect(RadixSort.sorted(values) == values.sorted())
        #expect(RadixSort.sorted([3, 1, 2]) == [1, 2, 3])
    }
}
