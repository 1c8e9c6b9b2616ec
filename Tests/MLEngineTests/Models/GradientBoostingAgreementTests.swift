import Foundation
import Testing
@testable import MLEngine

/// ``HistGradientBoosting`` against scikit-learn and LightGBM on a formula-built fixture, and
/// against LightGBM's published figures on Adult.
@Suite struct GradientBoostingAgreementTests {
    // From scripts/reference/gbdt-reference.py:
    //   .venv-bench/bin/python scripts/reference/gbdt-reference.py
    static let sklearn = [0.065464, 0.934754, 0.636375, 0.437094, 0.838288, 0.784603, 0.788514, 0.652358]
    static let lightgbm = [0.065500, 0.932172, 0.665168, 0.433302, 0.828895, 0.765046, 0.792785, 0.600976]
    static let probes: [[Double]] = [
        [0.1, 0.2, 0], [0.9, 0.8, 6], [0.5, 0.5, 3], [0.7, 0.4, 1], [0.3, 0.95, 5], [0.65, 0.65, 2], [0.2, 0.9, 4], [0.55, 0.7, 0],
    ]

    @Test func agreesWithScikitLearnAndLightGBMOnAFixture() throws {
        var values: [Double] = []
        var y: [Double] = []
        for i in 0..<600 {
            let row = [Double(i * 37 % 101) / 101, Double(i * 53 % 97) / 97, Double(i * 11 % 7)]
            values += row
            y.append(row[0] + row[1] + 0.3 * sin(Double(i)) + 0.1 * row[2] > 1.3 ? 1 : 0)
        }
        let x = FeatureMatrix(rows: 600, columns: 3, values: values, names: ["x0", "x1", "x2"])
        var settings = HistGradientBoosting.Hyperparameters(maxIterations: 20, earlyStopping: .off)
        settings.threads = 1
        let model = try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: settings, seed: 0)
        let p = try model.predict(FeatureMatrix(rows: 8, columns: 3, values: Self.probes.flatMap { $0 }, names: x.names))
        for i in 0..<8 {
            #expect(abs(p[i] - Self.sklearn[i]) < 0.01, "probe \(i): ours \(p[i]), scikit-learn \(Self.sklearn[i])")
            #expect(abs(p[i] - Self.lightgbm[i]) < 0.06, "probe \(i): ours \(p[i]), LightGBM \(Self.lightgbm[i])")
        }
    }

    static let adultDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/datasets/adult").standardizedFileURL.path
    static let adultAvailable = FileManager.default.fileExists(atPath: adultDirectory + "/adult-test.csv")
        && FileManager.default.fileExists(atPath: adultDirectory + "/adult-train.csv")

    /// LightGBM (defaults, native categories) scores accuracy 0.8714 and AUC 0.9274 on adult-test;
    /// the target is at most 0.3 points and 0.003 below.
    @Test(.enabled(if: adultAvailable, "skipped: ../shared/datasets/adult/adult-{train,test}.csv are not present"))
    func adultIsCloseToLightGBM() throws {
        let train = try CSVReader.read(path: Self.adultDirectory + "/adult-train.csv").frame
        let test = try CSVReader.read(path: Self.adultDirectory + "/adult-test.csv").frame
        let features = train.columnNames.filter { $0 != "income" }
        let spec = PreprocessingSpec(
            numeric: NumericPreprocessing(scaling: .unscaled), categorical: CategoricalPreprocessing(encoding: .ordinal))
        let encoder = try FeatureEncoder.fit(frame: train, features: features, target: "income", preprocessing: spec)
        var settings = HistGradientBoosting.Hyperparameters()
        for (index, feature) in encoder.schema.features.enumerated() where feature.type == .categorical {
            settings.categoricalColumns[index] = feature.categories?.count ?? 0
        }
        guard let trainLabels = train.column(named: "income"), let testLabels = test.column(named: "income") else {
            Issue.record("no income column")
            return
        }
        let model = try HistGradientBoosting.fit(
            try encoder.transform(train), targets: try BinaryTarget.encode(trainLabels, positive: ">50K"), task: .binary,
            hyperparameters: settings, seed: 0)
        let metrics = ClassificationMetrics.compute(
            labels: try BinaryTarget.encode(testLabels, positive: ">50K"), probabilities: try model.predict(try encoder.transform(test)))
        #expect(metrics.accuracy >= 0.8714 - 0.003, "accuracy \(metrics.accuracy)")
        #expect(metrics.rocAUC >= 0.9274 - 0.003, "AUC \(metrics.rocAUC)")
    }
}
