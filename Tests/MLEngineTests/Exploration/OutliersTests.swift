import Testing
@testable import MLEngine

@Suite("IQR outliers")
struct OutliersTests {
    typealias F = ExplorationFixtures

    // for name, x in [("a", a), ("b", b), ("c", c)]:
    //     v = x[~np.isnan(x)]; q1, q3 = np.percentile(v, [25, 75])
    //     lo, hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    //     print(name, q1, q3, lo, hi, (v < lo).sum(), (v > hi).sum(), len(v))
    static let expected: [(String, q1: Double, q3: Double, low: Double, high: Double, below: Int, above: Int, n: Int)] = [
        ("a", 7.25, 10.0, 3.125, 14.125, 1, 0, 38),
        ("b", 3.1, 5.8, -0.9499999999999997, 9.85, 0, 0, 37),
        ("c", 0.6499999999999999, 2.8499999999999996, -2.65, 6.1499999999999995, 0, 2, 39),
    ]

    @Test func matchesNumpy() {
        let all = Outliers.iqr(F.frame)
        #expect(all.map(\.column) == ["a", "b", "c"])
        for (result, expected) in zip(all, Self.expected) {
            #expect(F.close(result.q1, expected.q1, tolerance: 1e-12), "\(expected.0)")
            #expect(F.close(result.q3, expected.q3, tolerance: 1e-12), "\(expected.0)")
            #expect(F.close(result.lowerFence, expected.low, tolerance: 1e-12), "\(expected.0)")
            #expect(F.close(result.upperFence, expected.high, tolerance: 1e-12), "\(expected.0)")
            #expect(result.below == expected.below)
            #expect(result.above == expected.above)
            #expect(result.valueCount == expected.n)
            #expect(result.count == expected.below + expected.above)
            #expect(F.close(result.share, Double(expected.below + expected.above) / Double(expected.n)))
        }
    }

    // np.percentile([1.5, 2, 3, 4, 5, 5.5, 6, 7, 10.5], [25, 75]) → [3, 6]: fences -1.5 and 10.5, and 10.5
    // sits on the upper fence. With [1, …, 8, -100, 100]: quartiles 2.5, 6.5, fences -3.5 and 12.5.
    @Test func valuesOnAFenceAreNotOutliers() {
        let result = Outliers.iqr(NumericColumn(name: "x", values: [1.5, 2, 3, 4, 5, 5.5, 6, 7, 10.5]))
        #expect(result.lowerFence == -1.5)
        #expect(result.count == 0)
        let fenced = Outliers.iqr(NumericColumn(name: "x", values: [1, 2, 3, 4, 5, 5.5, 6, 7, 8, -100, 100]))
        #expect(fenced.below == 1)
        #expect(fenced.above == 1)
    }

    @Test func emptyColumn() {
        let result = Outliers.iqr(NumericColumn(name: "x", values: [.nan, .nan]))
        #expect(result.valueCount == 0)
        #expect(result.lowerFence == nil)
        #expect(result.count == 0)
        #expect(result.share == 0)
    }
}
