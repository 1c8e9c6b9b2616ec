import Foundation
@testable import MLEngine

/// Frames and helpers shared by the model, metrics and bundle tests.
enum ModelFixtures {
    /// Every kind that learns a two-class target (the fixtures' `label`).
    static let binaryKinds = ModelKind.allCases.filter { $0.tasks.contains(.binary) }
    /// The kinds that existed before the model zoo, whose historical behaviour some tests pin.
    static let historicalKinds: [ModelKind] = [.logisticRegression, .decisionTree]

    /// A dictionary-encoded column from optional strings (`nil` = missing), categories in order of appearance.
    static func categorical(_ name: String, _ values: [String?]) -> Column {
        var categories: [String] = []
        var index: [String: UInt32] = [:]
        let codes = values.map { value -> UInt32 in
            guard let value else { return CategoricalColumn.missingCode }
            if let code = index[value] { return code }
            let code = UInt32(categories.count)
            index[value] = code
            categories.append(value)
            return code
        }
        return .categorical(CategoricalColumn(name: name, codes: codes, categories: categories))
    }

    static func numeric(_ name: String, _ values: [Double]) -> Column {
        .numeric(NumericColumn(name: name, values: values))
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from json: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    static func isClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        abs(a - b) <= tolerance
    }

    static func allClose(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: tolerance) }
    }

    // Generated with numpy (see LogisticRegressionTests for the script):
    // 40 rows, numeric `age` (3 missing), numeric `hours`, categorical `color` (2 missing), label yes/no.
    static let age: [Double] = [
        40.0, 43.6, 36.7, .nan, 34.5, 28.1, 40.7, 56.1, 34.1, 32.6, 45.9, .nan, 41.3, 28.8, 39.6, 48.3, 23.9, 34.5, 17.2, 24.5,
        17.9, 37.2, 24.8, 43.3, 41.9, .nan, 9.8, 33.5, 39.4, 41.4, 21.6, 34.3, 28.3, 30.3, 52.7, 30.3, 39.6, 50.6, 33.0, 38.7,
    ]
    static let hours: [Double] = [
        39.0, 39.0, 28.0, 39.0, 49.0, 26.0, 45.0, 39.0, 33.0, 54.0, 44.0, 28.0, 39.0, 43.0, 36.0, 43.0, 37.0, 43.0, 50.0, 33.0,
        40.0, 34.0, 39.0, 29.0, 33.0, 36.0, 45.0, 47.0, 27.0, 32.0, 43.0, 22.0, 34.0, 37.0, 48.0, 44.0, 35.0, 35.0, 36.0, 50.0,
    ]
    static let color: [String?] = [
        "blue", "blue", "red", "green", "red", nil, "green", "blue", "blue", "green", "green", "green", "red", "green",
        "blue", "green", "red", nil, "blue", "red", "blue", "blue", "green", "green", "blue", "green", "green", "red",
        "green", "blue", "red", "red", "blue", "green", "blue", "red", "blue", "red", "green", "blue",
    ]
    static let label: [String?] = "nynnynnynnnynynnyynynnnnyynynnnnnnynnynn".map { $0 == "y" ? "yes" : "no" }

    /// The 40-row mixed frame: numeric with missing values, categorical with missing values, a yes/no label.
    static var mixedFrame: DataFrame {
        DataFrame(columns: [
            numeric("age", age), numeric("hours", hours), categorical("color", color), categorical("label", label),
        ])
    }

    /// Three unseen rows: a known category, an unknown one with a missing age, a missing category.
    static var mixedTestFrame: DataFrame {
        DataFrame(columns: [
            numeric("age", [25.0, .nan, 61.5]), numeric("hours", [40.0, 20.0, 55.0]),
            categorical("color", ["red", "purple", nil]),
        ])
    }
}
