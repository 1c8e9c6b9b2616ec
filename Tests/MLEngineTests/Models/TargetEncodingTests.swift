import Foundation
import Testing
@testable import MLEngine

@Suite("TargetEncoding")
struct TargetEncodingTests {
    @Test("a positive label makes a one-vs-rest binary task")
    func positive() throws {
        let column = ModelFixtures.categorical("kind", ["a", "b", "c", "b"])
        let (encoding, targets) = try TargetEncoding.fit(column, positive: "b", task: nil)
        #expect(encoding.task == .binary)
        #expect(encoding.classes == ["not b", "b"])
        #expect(encoding.oneVersusRest)
        #expect(targets == [0, 1, 0, 1])
        #expect(try encoding.encode(ModelFixtures.categorical("kind", ["z", "b"])) == [0, 1])
    }

    @Test("three categories make a multi-class task with sorted classes")
    func multiclass() throws {
        let column = ModelFixtures.categorical("species", ["setosa", "virginica", "versicolor", "setosa"])
        let (encoding, targets) = try TargetEncoding.fit(column, positive: nil, task: nil)
        #expect(encoding.task == .multiclass(classes: 3))
        #expect(encoding.classes == ["setosa", "versicolor", "virginica"])
        #expect(targets == [0, 2, 1, 0])
    }

    @Test("an unseen class in evaluation data is named")
    func unseenClass() throws {
        let (encoding, _) = try TargetEncoding.fit(ModelFixtures.categorical("s", ["a", "b", "c"]), positive: nil, task: nil)
        #expect(throws: ModelError(#"`s` holds "d", a class the model never saw in training; known classes: "a", "b", "c""#)) {
            try encoding.encode(ModelFixtures.categorical("s", ["a", "d"]))
        }
    }

    @Test("two categories without a positive label: the second sorted one is positive")
    func twoClasses() throws {
        let (encoding, targets) = try TargetEncoding.fit(ModelFixtures.categorical("y", ["no", "yes", "no"]), positive: nil, task: nil)
        #expect(encoding.task == .binary)
        #expect(encoding.positiveLabel == "yes")
        #expect(!encoding.oneVersusRest)
        #expect(targets == [0, 1, 0])
    }

    @Test("numbers are regression unless they take two values or classification is asked for")
    func numeric() throws {
        let values = ModelFixtures.numeric("price", [1.5, 2, 10, 2])
        #expect(try TargetEncoding.fit(values, positive: nil, task: nil).0.task == .regression)
        #expect(try TargetEncoding.fit(values, positive: nil, task: nil).1 == [1.5, 2, 10, 2])
        let asClasses = try TargetEncoding.fit(values, positive: nil, task: .classification)
        #expect(asClasses.0.classes == ["1.5", "2", "10"])
        #expect(asClasses.1 == [0, 1, 2, 1])
        let flags = try TargetEncoding.fit(ModelFixtures.numeric("churn", [0, 1, 1]), positive: nil, task: nil)
        #expect(flags.0.task == .binary)
        #expect(flags.0.positiveLabel == "1")
    }

    @Test("refuses regression on categories, missing targets and one class")
    func refusals() {
        #expect(throws: ModelError("regression needs a numeric target, but `y` holds categories; drop `task: regression` or pick a numeric column")) {
            try TargetEncoding.fit(ModelFixtures.categorical("y", ["a", "b"]), positive: nil, task: .regression)
        }
        #expect(throws: ModelError("1 row has no value in the target `price`; drop or fill them before training")) {
            try TargetEncoding.fit(ModelFixtures.numeric("price", [1, .nan, 3, 4]), positive: nil, task: nil)
        }
        #expect(throws: ModelError(#"the target has only one class: every row of `y` is "a""#)) {
            try TargetEncoding.fit(ModelFixtures.categorical("y", ["a", "a"]), positive: nil, task: nil)
        }
    }

    @Test("old binary bundles decode into a one-vs-rest or two-class encoding")
    func codable() throws {
        let (encoding, _) = try TargetEncoding.fit(ModelFixtures.categorical("s", ["a", "b", "c"]), positive: nil, task: nil)
        let data = try JSONEncoder().encode(encoding)
        #expect(try JSONDecoder().decode(TargetEncoding.self, from: data) == encoding)
    }
}
