import Testing
@testable import MLEngine

@Suite("BinaryTarget")
struct BinaryTargetTests {
    @Test("marks the positive label as 1")
    func categorical() throws {
        let column = ModelFixtures.categorical("income", ["<=50K", ">50K", "<=50K"])
        #expect(try BinaryTarget.encode(column, positive: ">50K") == [0, 1, 0])
        #expect(BinaryTarget.negativeLabel(of: column, positive: ">50K") == "<=50K")
    }

    @Test("compares numeric labels by their formatted value")
    func numeric() throws {
        let column = ModelFixtures.numeric("churn", [0, 1, 1, 0])
        #expect(try BinaryTarget.encode(column, positive: "1") == [0, 1, 1, 0])
        #expect(try BinaryTarget.encode(column, positive: "1.0") == [0, 1, 1, 0])
        #expect(BinaryTarget.negativeLabel(of: column, positive: "1") == "0")
        #expect(BinaryTarget.format(2.5) == "2.5")
    }

    @Test("one-vs-rest with several other labels has no single negative label")
    func manyClasses() throws {
        let column = ModelFixtures.categorical("kind", ["a", "b", "c"])
        #expect(try BinaryTarget.encode(column, positive: "b") == [0, 1, 0])
        #expect(BinaryTarget.negativeLabel(of: column, positive: "b") == nil)
    }

    @Test("explains an absent positive label, listing the values")
    func absentPositive() {
        let column = ModelFixtures.categorical("income", ["<=50K", ">50K.", "<=50K"])
        #expect(throws: ModelError(#"positive class ">50K" does not occur in column `income`; values are: "<=50K", ">50K.""#)) {
            try BinaryTarget.encode(column, positive: ">50K")
        }
    }

    @Test("refuses a target with one class")
    func oneClass() {
        let column = ModelFixtures.categorical("income", [">50K", ">50K"])
        #expect(throws: ModelError(#"the target has only one class: every row of `income` is ">50K""#)) {
            try BinaryTarget.encode(column, positive: ">50K")
        }
    }

    @Test("counts missing targets")
    func missing() {
        let column = ModelFixtures.categorical("income", [">50K", nil, "<=50K", nil])
        #expect(throws: ModelError("2 rows have no value in the target `income`; drop or fill them before training")) {
            try BinaryTarget.encode(column, positive: ">50K")
        }
        let numeric = ModelFixtures.numeric("y", [1, .nan, 0])
        #expect(throws: ModelError("1 row has no value in the target `y`; drop or fill them before training")) {
            try BinaryTarget.encode(numeric, positive: "1")
        }
    }
}
