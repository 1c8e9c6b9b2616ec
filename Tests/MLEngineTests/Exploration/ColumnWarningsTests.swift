import Testing
@testable import MLEngine

@Suite("Column warnings")
struct ColumnWarningsTests {
    typealias F = ExplorationFixtures

    /// 30 rows: an id, a constant, a mostly-missing column, a free-text column, a normal one.
    static var frame: DataFrame {
        let rows = 0..<30
        return DataFrame(columns: [
            F.numeric("id", rows.map { Double(1000 + $0 * 7) }),
            F.categorical("country", rows.map { _ in "NZ" }),
            F.numeric("score", rows.map { $0 < 12 ? Double($0) : .nan }),
            F.categorical("comment", rows.map { $0 % 5 == 0 ? nil : "note \($0)" }),
            F.numeric("hours", rows.map { Double(20 + $0 % 4 * 10) }),
        ])
    }

    @Test func flagsEachKind() {
        let warnings = ColumnWarnings.check(Self.frame)
        #expect(warnings.map(\.column) == ["id", "country", "score", "comment"])
        #expect(warnings.map(\.kind) == [.identifier, .constant, .mostlyMissing, .highCardinality])
        #expect(warnings[0].message
            == "`id` looks like an identifier: all 30 values are distinct whole numbers; "
            + "it names rows rather than describing them, so leave it out of the features.")
        #expect(warnings[1].message
            == "`country` has the same value (\"NZ\") in every row that has a value; it cannot help a model, so consider dropping it.")
        #expect(warnings[2].message
            == "`score` is missing in 18 of 30 rows (60.0%); consider dropping it or keeping only whether it is present.")
        #expect(warnings[3].message
            == "`comment` has 24 distinct values in 30 rows (80.0%); values this specific rarely repeat in new data, "
            + "so group the rare ones or drop the column.")
    }

    @Test func thresholdsAreStrict() {
        // 20 distinct values in 20 rows: not more than 20, so not high-cardinality and not an id.
        let small = DataFrame(columns: [
            F.categorical("name", (0..<20).map { "n\($0)" }), F.numeric("n", (0..<20).map(Double.init)),
        ])
        #expect(ColumnWarnings.check(small).isEmpty)
        // Exactly half missing is not "more than half".
        let half = DataFrame(columns: [F.numeric("x", [1, .nan, 2, .nan])])
        #expect(ColumnWarnings.check(half).isEmpty)
    }

    @Test func numericConstantAndNonIntegers() {
        let frame = DataFrame(columns: [
            F.numeric("k", [Double](repeating: 2.5, count: 29) + [.nan]),
            F.numeric("f", (0..<30).map { Double($0) + 0.5 }),
        ])
        let warnings = ColumnWarnings.check(frame)
        #expect(warnings.map(\.kind) == [.constant])
        #expect(warnings.first?.message.contains("(\"2.5\")") == true)
    }

    @Test func percentFormatting() {
        #expect(ColumnWarnings.percent(0.6123) == "61.2%")
        #expect(ColumnWarnings.percent(1) == "100.0%")
        #expect(ColumnWarnings.percent(0.0004) == "0.0%")
    }
}
