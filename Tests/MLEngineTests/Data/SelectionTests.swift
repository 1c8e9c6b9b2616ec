import Testing
@testable import MLEngine

@Suite("DataFrame selection and concatenation")
struct SelectionTests {
    static let frame = DataFrame(columns: [
        .numeric(NumericColumn(name: "x", values: [1, 2, .nan, 4])),
        .categorical(CategoricalColumn(name: "c", codes: [0, 1, CategoricalColumn.missingCode, 0], categories: ["a", "b"])),
        .numeric(NumericColumn(name: "y", values: [10, 20, 30, 40])),
    ])

    @Test func gathersRowsInOrderWithRepeats() {
        let picked = Self.frame.rows(at: [3, 0, 0])
        #expect(picked.rowCount == 3)
        #expect(CSVTestSupport.numeric(picked, "x") == [4, 1, 1])
        #expect(CSVTestSupport.strings(picked, "c") == ["a", "a", "a"])
        #expect(CSVTestSupport.categorical(picked, "c")?.categories == ["a", "b"])
        #expect(Self.frame.rows(at: []).rowCount == 0)
    }

    @Test func selectsAndDropsColumns() {
        #expect(Self.frame.selecting(columns: ["y", "x"])?.columnNames == ["y", "x"])
        #expect(Self.frame.selecting(columns: ["x", "nope"]) == nil)
        #expect(Self.frame.dropping(columns: ["c", "nope"]).columnNames == ["x", "y"])
    }

    @Test func appendsAndRecodesCategories() throws {
        let other = DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: [5])),
            .categorical(CategoricalColumn(name: "c", codes: [1], categories: ["z", "b"])),
            .numeric(NumericColumn(name: "y", values: [50])),
        ])
        let joined = try Self.frame.appending(other)
        #expect(joined.rowCount == 5)
        #expect(CSVTestSupport.categorical(joined, "c")?.categories == ["a", "b", "z"])
        #expect(CSVTestSupport.strings(joined, "c") == ["a", "b", nil, "a", "b"])
        #expect(CSVTestSupport.numeric(joined, "y") == [10, 20, 30, 40, 50])
        #expect(try DataFrame(columns: []).appending(other) == other)
    }

    @Test func appendRejectsDifferentColumns() {
        let other = Self.frame.dropping(columns: ["y"])
        #expect(throws: DataError(file: "", message: "cannot append rows: the frames have different columns (x, c, y vs x, c)")) {
            try Self.frame.appending(other)
        }
    }

    @Test func appendRejectsTypeMismatch() {
        let other = DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: [5])),
            .numeric(NumericColumn(name: "c", values: [1])),
            .numeric(NumericColumn(name: "y", values: [50])),
        ])
        #expect(throws: DataError(
            file: "", message: "cannot append rows: column `c` is categorical in the first frame but numeric in the second")) {
            try Self.frame.appending(other)
        }
    }
}
