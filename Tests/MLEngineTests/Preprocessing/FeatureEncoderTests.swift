import Testing
@testable import MLEngine

@Suite("FeatureEncoder")
struct FeatureEncoderTests {
    static let frame = DataFrame(columns: [
        ModelFixtures.numeric("x", [1, .nan, 3, 4]),
        ModelFixtures.categorical("color", ["red", "blue", nil, "red"]),
        ModelFixtures.categorical("label", ["a", "b", "a", "b"]),
    ])

    @Test("fills missing numbers with the mean and one-hot encodes sorted categories")
    func encodesWithoutScaling() throws {
        let encoder = try FeatureEncoder.fit(frame: Self.frame, features: ["x", "color"], standardize: false)
        #expect(encoder.schema == FeatureSchema(features: [
            .init(name: "x", type: .numeric),
            .init(name: "color", type: .categorical, categories: ["blue", "red"]),
        ]))
        let matrix = try encoder.transform(Self.frame)
        #expect(matrix.rows == 4 && matrix.columns == 3)
        #expect(matrix.names == ["x", "color=blue", "color=red"])
        #expect(matrix.values == [
            1, 0, 1,
            8.0 / 3.0, 1, 0,
            3, 0, 0,
            4, 0, 1,
        ])
        #expect(encoder.outputFeatureIndices == [0, 1, 1])
    }

    @Test("standardises numbers with the population deviation after filling")
    func standardizes() throws {
        let encoder = try FeatureEncoder.fit(frame: Self.frame, features: ["x"], standardize: true)
        let column = try encoder.transform(Self.frame).values
        let mean = column.reduce(0, +) / 4
        let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
        #expect(abs(mean) < 1e-12)
        #expect(abs(variance - 1) < 1e-12)
        #expect(column[1] == 0)
    }

    @Test("a constant column is centred, not divided by zero")
    func constantColumn() throws {
        let frame = DataFrame(columns: [ModelFixtures.numeric("c", [2, 2, 2])])
        let encoder = try FeatureEncoder.fit(frame: frame, features: ["c"], standardize: true)
        #expect(try encoder.transform(frame).values == [0, 0, 0])
    }

    @Test("unknown and missing categories encode as zeros; other columns and order do not matter")
    func unknownCategories() throws {
        let encoder = try FeatureEncoder.fit(frame: Self.frame, features: ["x", "color"], standardize: false)
        let later = DataFrame(columns: [
            ModelFixtures.categorical("color", ["green", nil, "red", "blue"]),
            ModelFixtures.numeric("extra", [0, 0, 0, 0]),
            ModelFixtures.numeric("x", [.nan, 5, 6, 7]),
        ])
        #expect(try encoder.transform(later).values == [
            8.0 / 3.0, 0, 0,
            5, 0, 0,
            6, 0, 1,
            7, 1, 0,
        ])
    }

    @Test("categories that appear in the dictionary but in no row are not features")
    func unusedCategories() throws {
        let column = CategoricalColumn(name: "c", codes: [1, 1, 2], categories: ["zebra", "b", "a"])
        let frame = DataFrame(columns: [.categorical(column)])
        let encoder = try FeatureEncoder.fit(frame: frame, features: ["c"], standardize: false)
        #expect(encoder.schema.features[0].categories == ["a", "b"])
    }

    @Test("fitting reports bad feature lists")
    func fitErrors() {
        #expect(throws: ModelError("feature `xx` is not a column of the data; columns are: x, color, label")) {
            try FeatureEncoder.fit(frame: Self.frame, features: ["xx"], standardize: false)
        }
        #expect(throws: ModelError("the target `label` cannot also be a feature")) {
            try FeatureEncoder.fit(frame: Self.frame, features: ["x", "label"], target: "label", standardize: false)
        }
        #expect(throws: ModelError("feature `x` is listed more than once")) {
            try FeatureEncoder.fit(frame: Self.frame, features: ["x", "x"], standardize: false)
        }
        #expect(throws: ModelError("no features selected; list at least one column to train on")) {
            try FeatureEncoder.fit(frame: Self.frame, features: [], standardize: false)
        }
        let infinite = DataFrame(columns: [ModelFixtures.numeric("x", [1, .infinity])])
        #expect(throws: ModelError("numeric feature `x` contains infinite values")) {
            try FeatureEncoder.fit(frame: infinite, features: ["x"], standardize: false)
        }
    }

    @Test("transforming reports missing and mistyped columns")
    func transformErrors() throws {
        let encoder = try FeatureEncoder.fit(frame: Self.frame, features: ["x", "color"], standardize: false)
        let missing = DataFrame(columns: [ModelFixtures.numeric("x", [1])])
        #expect(throws: ModelError("the data has no column `color`, which the model uses as a feature")) {
            try encoder.transform(missing)
        }
        let mistyped = DataFrame(columns: [ModelFixtures.numeric("x", [1]), ModelFixtures.numeric("color", [2])])
        #expect(throws: ModelError("feature `color` was categorical in training but holds numbers here")) {
            try encoder.transform(mistyped)
        }
        let textual = DataFrame(columns: [ModelFixtures.categorical("x", ["1"]), ModelFixtures.categorical("color", ["red"])])
        #expect(throws: ModelError("feature `x` was numeric in training but holds text here")) {
            try encoder.transform(textual)
        }
    }

    @Test("an empty frame encodes to an empty matrix")
    func emptyFrame() throws {
        let encoder = try FeatureEncoder.fit(frame: Self.frame, features: ["x", "color"], standardize: true)
        let empty = DataFrame(columns: [ModelFixtures.numeric("x", []), ModelFixtures.categorical("color", [])])
        let matrix = try encoder.transform(empty)
        #expect(matrix.rows == 0 && matrix.columns == 3 && matrix.values.isEmpty)
    }
}
