import Testing
@testable import MLEngine

/// Constants from `.venv-bench/bin/python scripts/reference/metrics_reference.py` (scikit-learn 1.9).
@Suite("Metrics against scikit-learn")
struct MetricsReferenceTests {
    static let y: [Double] = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1]
    static let p = [0.1, 0.8, 0.35, 0.4, 0.9, 0.05, 0.6, 0.7, 0.35, 0.2, 0.55, 0.95]

    @Test("balanced accuracy, average precision and Brier score")
    func binaryScores() {
        #expect(abs(BinaryScores.balancedAccuracy(labels: Self.y, probabilities: Self.p) - 0.7571428571428571) < 1e-12)
        #expect(abs(BinaryScores.averagePrecision(labels: Self.y, probabilities: Self.p) - 0.9126984126984126) < 1e-12)
        #expect(abs(BinaryScores.brier(labels: Self.y, probabilities: Self.p) - 0.146875) < 1e-12)
    }

    @Test("average precision is nan without positives; balanced accuracy with one class is its recall")
    func degenerate() {
        #expect(BinaryScores.averagePrecision(labels: [0, 0], probabilities: [0.2, 0.9]).isNaN)
        #expect(BinaryScores.balancedAccuracy(labels: [1, 1], probabilities: [0.9, 0.1]) == 0.5)
        #expect(BinaryScores.brier(labels: [], probabilities: []).isNaN)
    }

    @Test("calibration bins match calibration_curve(strategy=uniform)")
    func calibration() {
        let table = CalibrationTable.compute(labels: Self.y, probabilities: Self.p, bins: 5)
        let observed = [0.0, 0.6666666666666666, 0.5, 1.0, 1.0]
        let predicted = [0.11666666666666668, 0.3666666666666667, 0.575, 0.75, 0.925]
        #expect(table.bins.count == 5)
        for (bin, (o, q)) in zip(table.bins, zip(observed, predicted)) {
            #expect(abs(bin.observed - o) < 1e-12)
            #expect(abs(bin.meanPredicted - q) < 1e-12)
        }
        #expect(table.bins.map(\.count).reduce(0, +) == 12)
    }

    @Test("multiclass metrics, macro and one-vs-rest")
    func multiclass() {
        let labels: [Double] = [0, 1, 2, 2, 1, 0, 2, 1]
        let probabilities = [
            0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.1, 0.3, 0.6, 0.3, 0.4, 0.3,
            0.25, 0.25, 0.5, 0.6, 0.3, 0.1, 0.2, 0.2, 0.6, 0.1, 0.8, 0.1,
        ]
        let metrics = MulticlassMetrics.compute(labels: labels, probabilities: probabilities, classCount: 3)
        #expect(metrics.accuracy == 0.75)
        #expect(abs(metrics.balancedAccuracy - 0.7777777777777777) < 1e-12)
        #expect(abs(metrics.f1 - 0.7777777777777777) < 1e-12)
        #expect(abs(metrics.rocAUC - 0.9) < 1e-12)
        #expect(abs(metrics.logLoss - 0.6744637140695857) < 1e-12)
        #expect(metrics.confusion == [[2, 0, 0], [0, 2, 1], [0, 1, 2]])
        #expect(metrics.perClass.map(\.support) == [2, 3, 3])
    }

    @Test("regression metrics")
    func regression() {
        let metrics = RegressionMetrics.compute(actual: [3, -0.5, 2, 7, 4.25], predicted: [2.5, 0, 2, 8, 3])
        #expect(abs(metrics.mae - 0.65) < 1e-12)
        #expect(abs(metrics.rmse - 0.7826237921249264) < 1e-12)
        #expect(abs(metrics.r2 - 0.9002442996742671) < 1e-12)
        #expect(RegressionMetrics.compute(actual: [2, 2], predicted: [2, 2]).r2 == 1)
        #expect(RegressionMetrics.compute(actual: [2, 2], predicted: [1, 2]).r2 == 0)
    }
}
