import Testing
@testable import MLEngine

@Suite("DataFrame filtering")
struct FilterTests {
    typealias F = ModelFixtures

    static let frame = DataFrame(columns: [
        F.numeric("age", [34, .nan, 17, 52, 18, 70]),
        F.categorical("work", ["private", "state", nil, "private", "self", "state"]),
    ])

    @Test("a numeric predicate selects rows; missing values fail comparisons")
    func numeric() throws {
        #expect(try Self.frame.rowIndices(where: "age") { $0 >= 18 } == [0, 3, 4, 5])
        #expect(try Self.frame.rowIndices(where: "age") { $0.isNaN } == [1])
        let (indices, adults) = try Self.frame.rows(where: "age") { $0 >= 18 && $0 < 60 }
        #expect(indices == [0, 3, 4])
        #expect(adults == Self.frame.rows(at: [0, 3, 4]))
        guard case .categorical(let work) = adults.columns[1] else {
            Issue.record("not categorical")
            return
        }
        #expect((0..<3).map { work.value(at: $0) } == ["private", "private", "self"])
    }

    @Test("a category predicate runs once per category, not per row")
    func categorical() throws {
        var calls = 0
        let indices = try Self.frame.rowIndices(where: "work", category: { value in
            calls += 1
            return value == "state" || value == nil
        })
        #expect(indices == [1, 2, 5])
        #expect(calls == 4)  // private, state, self, and missing
        let (_, none) = try Self.frame.rows(where: "work", category: { _ in false })
        #expect(none.rowCount == 0 && none.columnNames == ["age", "work"])
    }

    @Test("filtering names the problem")
    func errors() {
        #expect(throws: DataError(file: "", message: "cannot filter on `agee`: there is no such column; columns are: age, work")) {
            try Self.frame.rowIndices(where: "agee") { $0 > 1 }
        }
        #expect(throws: DataError(file: "", message: "cannot compare `work` with numbers: it holds categories; filter it by category")) {
            try Self.frame.rows(where: "work") { $0 > 1 }
        }
        #expect(throws: DataError(file: "", message: "cannot filter `age` by category: it holds numbers; compare it with numbers")) {
            try Self.frame.rowIndices(where: "age", category: { $0 == "x" })
        }
    }
}
