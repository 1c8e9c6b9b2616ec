import Testing
@testable import MLEngine

@Suite("Cramér's V")
struct CramersVTests {
    typealias F = ExplorationFixtures

    // from scipy.stats.contingency import association
    // for x, y in [(color, shape), (color, label), (shape, label)]:
    //     m = pd.notna(x) & pd.notna(y)
    //     print(association(pd.crosstab(x[m], y[m]).values, method="cramer", correction=False))
    // (equal to sqrt(chi2_contingency(t, correction=False)[0] / (n * (min(t.shape) - 1))))
    @Test func matchesScipy() {
        let color = F.categoricalColumn("color", F.color)
        let shape = F.categoricalColumn("shape", F.shape)
        let label = F.categoricalColumn("label", F.label)
        #expect(F.close(CramersV.between(color, shape), 0.5482873353445848))
        #expect(F.close(CramersV.between(shape, color), 0.5482873353445848))
        #expect(F.close(CramersV.between(color, label), 0.54594464513864))
        #expect(F.close(CramersV.between(shape, label), 0.4064404757766747))
    }

    @Test func matrixOfCategoricalColumns() {
        let matrix = CramersV.matrix(F.frame)
        #expect(matrix.names == ["color", "shape", "label"])
        #expect(F.close(matrix.value("shape", "color"), 0.5482873353445848))
        #expect(F.close(matrix.value("label", "shape"), 0.4064404757766747))
        #expect(matrix.values[0][0] == 1)
    }

    // association([[3, 0], [0, 2]]) → 1.0; a column identical to another up to renaming.
    @Test func perfectAndUndefinedAssociation() {
        let x = F.categoricalColumn("x", ["p", "p", "q", "q", "p"])
        let y = F.categoricalColumn("y", ["u", "u", "v", "v", "u"])
        #expect(F.close(CramersV.between(x, y), 1))
        let constant = F.categoricalColumn("k", ["z", "z", "z", "z", "z"])
        #expect(CramersV.between(x, constant).isNaN)
        let empty = F.categoricalColumn("e", [nil, nil, nil, nil, nil])
        #expect(CramersV.between(x, empty).isNaN)
    }

    // Unused categories (no row holds them after skipping missing) do not count in min(r, c).
    @Test func unusedCategoriesAreIgnored() {
        var x = F.categoricalColumn("x", ["p", "p", "q", "q", "p"])
        x.categories.append("never")
        let y = F.categoricalColumn("y", ["u", "u", "v", "v", "u"])
        #expect(F.close(CramersV.between(x, y), 1))
    }

    // chi2_contingency([[2, 0, 1], [0, 3, 0]], correction=False)[0] → 6.0
    @Test func chiSquareCountsEmptyCells() {
        let table = ContingencyTable(rows: [0, 0, 0, 1, 1, 1], columns: [5, 5, 9, 7, 7, 7])
        #expect(table.rowTotals == [3, 3])
        #expect(table.columnTotals == [2, 3, 1])
        #expect(F.close(table.chiSquare, 6.0, tolerance: 1e-12))
    }
}
