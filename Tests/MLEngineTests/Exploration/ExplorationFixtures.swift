import Foundation
@testable import MLEngine

/// The 40-row sample frame of the exploration tests and small helpers.
///
/// Generated with numpy (the reference scripts are quoted in each test):
/// ```python
/// rng = np.random.default_rng(7); n = 40
/// a = np.round(rng.normal(10, 3, n), 0)          # ties
/// b = np.round(a * 0.5 + rng.normal(0, 2, n), 1)
/// c = np.round(rng.exponential(2, n), 1)
/// a[[3, 17]] = np.nan; b[[17, 25, 31]] = np.nan; c[[5]] = np.nan
/// rng = np.random.default_rng(11)
/// color = rng.choice(["red", "green", "blue"], n, p=[.5, .3, .2]).astype(object)
/// shape = np.where(color == "red", rng.choice(["disc", "square"], n),
///                  rng.choice(["disc", "square", "star", "ring"], n)).astype(object)
/// label = np.where((color == "red") ^ (rng.random(n) < .2), "yes", "no").astype(object)
/// color[[4, 22]] = None; shape[[9, 22, 30]] = None
/// ```
enum ExplorationFixtures {
    static let a: [Double] = [
        10, 11, 9, .nan, 9, 7, 10, 14, 9, 8, 11, 11, 10, 7, 10, 12, 6, .nan, 4, 6,
        4, 9, 6, 11, 10, 9, 2, 8, 10, 10, 5, 9, 7, 8, 13, 8, 10, 13, 8, 10,
    ]
    static let b: [Double] = [
        5.2, 5.6, 2.0, 3.7, 7.2, 0.4, 6.7, 7.2, 3.2, 8.0, 7.0, 3.1, 5.1, 4.7, 4.6, 7.4, 2.9, .nan, 4.9, 1.6,
        2.4, 3.6, 3.3, 3.1, 3.8, .nan, 2.8, 6.3, 2.4, 3.4, 3.8, .nan, 2.6, 3.8, 9.0, 5.4, 4.3, 5.8, 3.5, 8.0,
    ]
    static let c: [Double] = [
        4.1, 1.5, 0.0, 2.7, 1.0, .nan, 1.7, 2.0, 0.9, 0.0, 10.8, 0.9, 4.1, 0.3, 5.5, 0.0, 1.7, 0.2, 0.4, 3.2,
        5.3, 1.4, 2.9, 2.2, 1.0, 4.5, 3.7, 0.7, 1.4, 2.3, 2.3, 0.2, 10.6, 0.0, 2.8, 2.6, 0.6, 1.4, 0.7, 0.0,
    ]
    static let color: [String?] = [
        "red", "red", "green", "red", nil, "blue", "red", "red", "blue", "green", "red", "green", "green", "red",
        "red", "green", "green", "green", "blue", "green", "blue", "red", nil, "red", "red", "green", "red", "blue",
        "blue", "red", "red", "red", "red", "blue", "red", "red", "green", "red", "blue", "red",
    ]
    static let shape: [String?] = [
        "square", "disc", "disc", "disc", "disc", "square", "square", "disc", "star", nil, "square", "disc", "ring",
        "disc", "square", "star", "ring", "ring", "star", "disc", "square", "disc", nil, "square", "square", "disc",
        "disc", "disc", "square", "square", nil, "square", "disc", "square", "square", "disc", "ring", "disc",
        "disc", "disc",
    ]
    static let label: [String?] = [
        "yes", "yes", "no", "yes", "yes", "no", "yes", "no", "yes", "no", "yes", "no", "no", "yes", "yes", "no",
        "no", "no", "yes", "no", "yes", "yes", "no", "yes", "yes", "yes", "yes", "yes", "no", "no", "yes", "yes",
        "no", "no", "yes", "no", "no", "no", "no", "yes",
    ]

    /// Columns `a`, `b`, `c` (numeric), `color`, `shape`, `label` (categorical).
    static var frame: DataFrame {
        DataFrame(columns: [
            numeric("a", a), numeric("b", b), numeric("c", c),
            categorical("color", color), categorical("shape", shape), categorical("label", label),
        ])
    }

    static func numeric(_ name: String, _ values: [Double]) -> Column {
        .numeric(NumericColumn(name: name, values: values))
    }

    /// A dictionary-encoded column, categories in order of first appearance, `nil` missing.
    static func categorical(_ name: String, _ values: [String?]) -> Column {
        .categorical(categoricalColumn(name, values))
    }

    static func categoricalColumn(_ name: String, _ values: [String?]) -> CategoricalColumn {
        var categories: [String] = []
        let codes = values.map { value -> UInt32 in
            guard let value else { return CategoricalColumn.missingCode }
            if let index = categories.firstIndex(of: value) { return UInt32(index) }
            categories.append(value)
            return UInt32(categories.count - 1)
        }
        return CategoricalColumn(name: name, codes: codes, categories: categories)
    }

    /// `|lhs − rhs| <= tolerance · max(1, |rhs|)`.
    static func close(_ lhs: Double?, _ rhs: Double, tolerance: Double = 1e-9) -> Bool {
        guard let lhs else { return false }
        return abs(lhs - rhs) <= tolerance * max(1, abs(rhs))
    }

    /// The package root (the folder holding Package.swift), from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Exploration
        .deletingLastPathComponent()  // MLEngineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static func sharedDataset(_ name: String) -> String {
        packageRoot.appendingPathComponent("../shared/datasets/adult/\(name)").standardizedFileURL.path
    }
}
