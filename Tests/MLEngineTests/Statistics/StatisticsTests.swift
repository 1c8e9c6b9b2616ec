import Testing
@testable import MLEngine

private func close(_ lhs: Double?, _ rhs: Double, tolerance: Double = 1e-12) -> Bool {
    guard let lhs else { return false }
    return abs(lhs - rhs) <= tolerance * max(1, abs(rhs))
}

@Suite("Column summaries")
struct ColumnSummaryTests {
    // python3 -c "import numpy as np; x=np.array([3.5,-1.25,7,2,10.75,0.5,2,4.125,-3]);
    //   print(x.mean(), x.std(ddof=1), np.quantile(x,[.25,.5,.75]), len(np.unique(x)))"
    @Test func numericMatchesNumpy() {
        let column = Column.numeric(NumericColumn(name: "v", values: [3.5, -1.25, 7, 2, .nan, 10.75, 0.5, 2, 4.125, -3]))
        let summary = ColumnSummary.summarize(column)
        #expect(summary.type == .numeric)
        #expect(summary.count == 9)
        #expect(summary.missing == 1)
        #expect(close(summary.mean, 2.8472222222222223))
        #expect(close(summary.std, 4.178524792847884))
        #expect(summary.min == -3)
        #expect(summary.q25 == 0.5)
        #expect(summary.median == 2)
        #expect(summary.q75 == 4.125)
        #expect(summary.max == 10.75)
        #expect(summary.distinct == 8)
        #expect(summary.topCategories.isEmpty)
    }

    @Test func numericInterpolatesQuantiles() {
        // numpy.quantile([1, 2, 3, 4], [.25, .5, .75]) → [1.75, 2.5, 3.25]
        let summary = ColumnSummary.summarize(.numeric(NumericColumn(name: "v", values: [4, 1, 3, 2])))
        #expect(summary.q25 == 1.75)
        #expect(summary.median == 2.5)
        #expect(summary.q75 == 3.25)
    }

    @Test func stdIsStableForLargeOffsets() {
        let values = (0..<1000).map { 1e9 + Double($0 % 10) }
        // numpy: np.std([1e9 + i % 10 for i in range(1000)], ddof=1) → 2.8737185419345193
        let summary = ColumnSummary.summarize(.numeric(NumericColumn(name: "v", values: values)))
        #expect(close(summary.std, 2.8737185419345193, tolerance: 1e-9))
    }

    @Test func degenerateNumericColumns() {
        let empty = ColumnSummary.summarize(.numeric(NumericColumn(name: "v", values: [.nan, .nan])))
        #expect(empty.count == 0 && empty.missing == 2 && empty.mean == nil && empty.median == nil && empty.distinct == 0)
        let single = ColumnSummary.summarize(.numeric(NumericColumn(name: "v", values: [5])))
        #expect(single.mean == 5 && single.std == nil && single.q25 == 5)
    }

    @Test func categoricalTopCategories() {
        let codes: [UInt32] = [2, 0, 1, 1, 0, CategoricalColumn.missingCode, 3, 4, 5, 6]
        let column = Column.categorical(CategoricalColumn(
            name: "c", codes: codes, categories: ["a", "b", "c", "d", "e", "f", "g", "unused"]))
        let summary = ColumnSummary.summarize(column)
        #expect(summary.type == .categorical)
        #expect(summary.count == 9)
        #expect(summary.missing == 1)
        #expect(summary.distinct == 7)
        #expect(summary.mean == nil)
        #expect(summary.topCategories.map(\.value) == ["a", "b", "c", "d", "e"])
        #expect(summary.topCategories.map(\.count) == [2, 2, 1, 1, 1])
    }

    @Test func frameSummaryFollowsColumns() {
        let frame = DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: [1, 2])),
            .categorical(CategoricalColumn(name: "c", codes: [0, 0], categories: ["k"])),
        ])
        #expect(frame.summary().map(\.name) == ["x", "c"])
    }
}

@Suite("Histograms and counts")
struct HistogramTests {
    // numpy.histogram([3.5,-1.25,7,2,10.75,0.5,2,4.125,-3], bins=4)
    //   → [2, 4, 2, 1], edges [-3.0, 0.4375, 3.875, 7.3125, 10.75]
    @Test func matchesNumpyFourBins() {
        let histogram = Histogram.equalWidth([3.5, -1.25, 7, 2, .nan, 10.75, 0.5, 2, 4.125, -3], bins: 4)
        #expect(histogram.counts == [2, 4, 2, 1])
        #expect(histogram.edges == [-3.0, 0.4375, 3.875, 7.3125, 10.75])
        #expect(histogram.missing == 1)
    }

    // numpy.histogram(same, bins=10) → [1, 1, 1, 2, 1, 1, 0, 1, 0, 1]
    @Test func matchesNumpyTenBins() {
        let histogram = Histogram.equalWidth([3.5, -1.25, 7, 2, 10.75, 0.5, 2, 4.125, -3])
        #expect(histogram.counts == [1, 1, 1, 2, 1, 1, 0, 1, 0, 1])
        #expect(histogram.edges == [-3.0, -1.625, -0.25, 1.125, 2.5, 3.875, 5.25, 6.625, 8.0, 9.375, 10.75])
    }

    // numpy.histogram([0.1, 0.2, ..., 1.0], bins=3) → [3, 3, 4], edges [0.1, 0.4, 0.7, 1.0]
    @Test func edgeValuesFollowNumpy() {
        let histogram = Histogram.equalWidth([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], bins: 3)
        #expect(histogram.counts == [3, 3, 4])
        #expect(histogram.edges == [0.1, 0.4, 0.7, 1.0])
    }

    @Test func degenerateInputs() {
        #expect(Histogram.equalWidth([2, 2, 2]) == Histogram(edges: [1.5, 2.5], counts: [3], missing: 0))
        #expect(Histogram.equalWidth([.nan, .infinity]) == Histogram(edges: [], counts: [], missing: 2))
        #expect(Histogram.equalWidth([1, 2], bins: 0).counts == [2])
    }

    @Test func categoryCountsSortByCountThenFirstAppearance() {
        let column = CategoricalColumn(name: "c", codes: [1, 0, 2, 2, 1, CategoricalColumn.missingCode], categories: ["a", "b", "c", "d"])
        let counts = CategoryCounts.counting(column)
        #expect(counts == CategoryCounts(labels: ["b", "c", "a"], counts: [2, 2, 1], missing: 1))
    }

    @Test func classBalanceForCategoricalAndNumericTargets() {
        let categorical = ClassBalance.of(.categorical(CategoricalColumn(
            name: "y", codes: [0, 1, 1, 1, CategoricalColumn.missingCode], categories: ["yes", "no"])))
        #expect(categorical.classes == [
            ClassBalance.Entry(label: "no", count: 3, share: 0.75), ClassBalance.Entry(label: "yes", count: 1, share: 0.25),
        ])
        #expect(categorical.missing == 1)
        #expect(categorical.total == 4)
        #expect(categorical.minorityToMajorityRatio == 1.0 / 3.0)
        let numeric = ClassBalance.of(.numeric(NumericColumn(name: "y", values: [1, 0, 0, 1, .nan, 2.5])))
        #expect(numeric.classes.map(\.label) == ["0", "1", "2.5"])
        #expect(numeric.classes.map(\.count) == [2, 2, 1])
        #expect(numeric.classes.first?.share == 0.4)
        #expect(numeric.missing == 1)
    }
}

@Suite("Statistics edge cases")
struct StatisticsEdgeCaseTests {
    @Test func histogramOfAHugeRangeDoesNotTrap() {
        let histogram = Histogram.equalWidth([-1e308, 0, 1e308], bins: 4)
        #expect(histogram.counts.reduce(0, +) == 3)
        #expect(histogram.counts.first == 1 && histogram.counts.last == 1)
        #expect(histogram.edges.allSatisfy { $0.isFinite })
        #expect(Histogram.equalWidth([1, 2], bins: Int.max).counts.count == Histogram.maximumBins)
    }
}
