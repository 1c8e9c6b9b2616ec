import Testing
@testable import MLEngine

@Suite("Missing map")
struct MissingMapTests {
    typealias F = ExplorationFixtures

    // df = pd.DataFrame({"a": a, "b": b, "c": c, "color": color, "shape": shape, "label": label})
    // print(df.isna().sum().tolist(), df.isna().any(axis=1).sum())   → [2, 3, 1, 2, 3, 0] 9
    @Test func matchesPandas() {
        let map = MissingMap.of(F.frame)
        #expect(map.columns.map(\.column) == ["a", "b", "c", "color", "shape", "label"])
        #expect(map.columns.map(\.count) == [2, 3, 1, 2, 3, 0])
        #expect(map.columns.map(\.share) == [2, 3, 1, 2, 3, 0].map { Double($0) / 40 })
        #expect(map.rowCount == 40)
        #expect(map.rowsWithMissing == 9)
        #expect(map.rowShare == 9.0 / 40)
    }

    @Test func emptyFrame() {
        let map = MissingMap.of(DataFrame(columns: []))
        #expect(map.columns.isEmpty)
        #expect(map.rowsWithMissing == 0)
        #expect(map.rowShare == 0)
    }

    @Test func outOfRangeCodesCountAsMissing() {
        let column = CategoricalColumn(name: "x", codes: [0, 7, CategoricalColumn.missingCode], categories: ["p"])
        let map = MissingMap.of(DataFrame(columns: [.categorical(column)]))
        #expect(map.columns.first?.count == 2)
        #expect(map.rowsWithMissing == 2)
    }
}
