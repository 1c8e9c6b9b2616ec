import Testing
@testable import MLEngine

@Suite("Mutual information")
struct MutualInformationTests {
    typealias F = ExplorationFixtures

    // from sklearn.metrics import mutual_info_score   (scikit-learn 1.9.1)
    // def qbins(x):  # deciles as cut points; a value on a cut is its own bin; NaN its own bin
    //     cuts = np.unique(np.quantile(x[~np.isnan(x)], np.arange(1, 10) / 10))
    //     codes = np.searchsorted(cuts, x, "left") + np.searchsorted(cuts, x, "right")
    //     return np.where(np.isnan(x), -1, codes)
    // cat = lambda v: pd.factorize(pd.Series(v), use_na_sentinel=True)[0]
    // for name, codes in [("a", qbins(a)), ..., ("color", cat(color)), ("shape", cat(shape))]:
    //     print(name, codes.tolist(), mutual_info_score(label, codes))
    static let expected: [(String, Double)] = [
        ("a", 0.21233286962459294),
        ("color", 0.1561715484078274),
        ("b", 0.11971145940866632),
        ("c", 0.10948597084284761),
        ("shape", 0.10196412581122183),
    ]
    static let binsA = [
        11, 14, 9, -1, 9, 3, 11, 16, 9, 5, 14, 14, 11, 3, 11, 16, 2, -1, 0, 2,
        0, 9, 2, 14, 11, 9, 0, 5, 11, 11, 0, 9, 3, 5, 16, 5, 11, 16, 5, 11,
    ]
    static let binsC = [
        16, 9, 1, 14, 6, -1, 10, 10, 6, 1, 18, 6, 16, 2, 18, 1, 10, 2, 4, 14,
        18, 8, 14, 12, 6, 16, 16, 4, 8, 12, 12, 2, 18, 1, 14, 12, 4, 8, 4, 1,
    ]

    @Test func matchesSklearnAndSortsDescending() throws {
        let scores = try MutualInformation.withTarget(
            F.frame, target: "label", features: ["a", "b", "c", "color", "shape"])
        #expect(scores.map(\.feature) == Self.expected.map(\.0))
        for (score, (name, value)) in zip(scores, Self.expected) {
            #expect(F.close(score.score, value), "\(name): \(score.score) vs \(value)")
        }
    }

    @Test func binsMatchNumpy() {
        func normalized(_ values: [Double]) -> [Int] {
            let codes = MutualInformation.bins(values, count: MutualInformation.numericBins)
            let missing = codes[values.firstIndex(where: \.isNaN) ?? 0]
            return codes.map { $0 == missing ? -1 : Int($0) }
        }
        #expect(normalized(F.a) == Self.binsA)
        #expect(normalized(F.c) == Self.binsC)
    }

    // A mostly-zero column keeps its zeros apart from the rest; a mostly-one column its ones.
    @Test func heavyTiesKeepTheirOwnBin() {
        let mostlyZero = [Double](repeating: 0, count: 95) + [1, 2, 3, 4, 5]
        #expect(Set(MutualInformation.bins(mostlyZero, count: 10).prefix(95)).count == 1)
        #expect(!MutualInformation.bins(mostlyZero, count: 10).suffix(5).contains(MutualInformation.bins(mostlyZero, count: 10)[0]))
        let mostlyOne = [0.0, 0.2, 0.4] + [Double](repeating: 1, count: 97)
        let codes = MutualInformation.bins(mostlyOne, count: 10)
        #expect(!codes.prefix(3).contains(codes[50]))
    }

    // mutual_info_score([0,0,1,1], [5,5,7,7]) → log 2 = 0.6931471805599453; a numeric 0/1
    // target is taken by value.
    @Test func numericTargetAndPerfectInformation() throws {
        let frame = DataFrame(columns: [
            F.categorical("x", ["p", "p", "q", "q"]), F.numeric("y", [5, 5, 7, 7]), F.numeric("z", [0, 0, 1, 1]),
        ])
        let scores = try MutualInformation.withTarget(frame, target: "z", features: ["y", "x"])
        #expect(scores.map(\.feature) == ["y", "x"])   // an exact tie keeps the order of `features`
        #expect(scores.map(\.score) == [scores[0].score, scores[0].score])
        #expect(F.close(scores[0].score, 0.6931471805599453))
    }

    // Rows with a missing target are left out: mutual_info_score([0, 0, 1], ["p", "p", "q"]).
    @Test func missingTargetRowsAreSkipped() throws {
        let frame = DataFrame(columns: [F.categorical("x", ["p", "p", "q", "q"]), F.numeric("y", [0, 0, 1, .nan])])
        let scores = try MutualInformation.withTarget(frame, target: "y", features: ["x"])
        #expect(F.close(scores[0].score, 0.6365141682948129))
    }

    @Test func unknownColumnsThrow() {
        #expect(throws: DataError.self) {
            try MutualInformation.withTarget(F.frame, target: "nope", features: ["a"])
        }
        do {
            _ = try MutualInformation.withTarget(F.frame, target: "label", features: ["a", "missing"])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("the feature `missing` is not a column"))
        }
    }
}
