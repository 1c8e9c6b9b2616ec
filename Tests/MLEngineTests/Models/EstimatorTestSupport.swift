import Foundation
@testable import MLEngine

/// Small helpers for the estimator tests.
enum EstimatorTestSupport {
    /// A matrix with generic column names.
    static func matrix(_ values: [Double], columns: Int) -> FeatureMatrix {
        FeatureMatrix(rows: values.count / columns, columns: columns, values: values, names: (0..<columns).map { "x\($0)" })
    }

    /// JSON round trip of any estimator.
    static func roundTrip<Model: Codable>(_ model: Model) throws -> Model {
        let data = try JSONEncoder().encode(model)
        return try JSONDecoder().decode(Model.self, from: data)
    }

    /// Whether every probability row of width `width` sums to 1.
    static func rowsSumToOne(_ values: [Double], width: Int, tolerance: Double = 1e-12) -> Bool {
        stride(from: 0, to: values.count, by: width).allSatisfy { start in
            abs(values[start..<(start + width)].reduce(0, +) - 1) <= tolerance
        }
    }
}
