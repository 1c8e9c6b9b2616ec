import Foundation
import MLEngine

/// One model's scores on one dataset.
struct ModelEvaluation: Sendable {
    var model: String
    var data: String
    var rows: Int
    var task: LearningTask
    /// Class labels by index; empty for regression.
    var classes: [String]
    /// The scalar metrics of the task by their notebook names (see ``MetricCatalog``).
    var values: [String: Double]
    /// Binary models: threshold counts, ROC curve and calibration bins.
    var binary: (metrics: ClassificationMetrics, roc: ROCCurve, calibration: CalibrationTable)?
    /// Multi-class models: per-class scores and the confusion matrix.
    var multiclass: MulticlassMetrics?
    var serializedBytes: Int
    /// Measured wall time of batch prediction per row (machine-dependent).
    var secondsPerRow: Double
    /// Single-row latency, measured only when asked for (machine-dependent).
    var latency: Latency?

    /// Single-row prediction latency through the whole pipeline (encoding included).
    struct Latency: Sendable {
        var p50: Double
        var p99: Double
        var samples: Int
    }

    static func measure(
        _ entry: TrainedModelEntry, on view: DatasetView, threshold: Double, measureLatency: Bool = false
    ) throws -> ModelEvaluation {
        let model = entry.model
        guard view.frame.column(named: model.target) != nil else {
            throw DirectiveError("`\(view.reference)` has no target column `\(model.target)`")
        }
        let targets = try model.targets(in: view.frame)
        let started = ContinuousClock.now
        let outputs = try model.predictOutputs(view.frame)
        let seconds = Duration.seconds(ContinuousClock.now - started)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(model).count) ?? 0
        var evaluation = ModelEvaluation(
            model: entry.name, data: view.reference, rows: view.frame.rowCount, task: model.task, classes: model.classes,
            values: [:], binary: nil, multiclass: nil, serializedBytes: bytes,
            secondsPerRow: view.frame.rowCount == 0 ? 0 : seconds / Double(view.frame.rowCount), latency: nil)
        switch model.task {
        case .binary:
            let metrics = ClassificationMetrics.compute(labels: targets, probabilities: outputs, threshold: threshold)
            evaluation.binary = (
                metrics, ROCCurve.compute(labels: targets, probabilities: outputs),
                CalibrationTable.compute(labels: targets, probabilities: outputs, bins: 10)
            )
            evaluation.values = metrics.namedValues.merging([
                "balanced_accuracy": BinaryScores.balancedAccuracy(labels: targets, probabilities: outputs, threshold: threshold),
                "average_precision": BinaryScores.averagePrecision(labels: targets, probabilities: outputs),
                "brier": BinaryScores.brier(labels: targets, probabilities: outputs),
            ]) { first, _ in first }
        case .multiclass(let classes):
            let metrics = MulticlassMetrics.compute(labels: targets, probabilities: outputs, classCount: classes)
            evaluation.multiclass = metrics
            evaluation.values = metrics.namedValues
        case .regression:
            evaluation.values = RegressionMetrics.compute(actual: targets, predicted: outputs).namedValues
        }
        if measureLatency { evaluation.latency = try latency(of: model, on: view.frame) }
        return evaluation
    }

    /// Times single-row predictions on up to 200 rows of `frame`, each a prepared one-row
    /// frame, after 20 untimed calls.
    private static func latency(of model: TrainedModel, on frame: DataFrame) throws -> Latency? {
        guard frame.rowCount > 0 else { return nil }
        let count = min(200, frame.rowCount)
        let rows = (0..<count).map { frame.rows(at: [$0 * frame.rowCount / count]) }
        for row in rows.prefix(20) { _ = try model.predictOutputs(row) }
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for row in rows {
            let started = ContinuousClock.now
            _ = try model.predictOutputs(row)
            samples.append(Duration.seconds(ContinuousClock.now - started))
        }
        samples.sort()
        func quantile(_ q: Double) -> Double { samples[min(samples.count - 1, Int((Double(samples.count - 1) * q).rounded()))] }
        return Latency(p50: quantile(0.5), p99: quantile(0.99), samples: count)
    }
}

extension Duration {
    /// The duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
