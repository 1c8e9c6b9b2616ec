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
    /// The model's encoded size; measured only with `processing` (0 otherwise).
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
        // The model's size in the binary model format (shown in the `processing` table),
        // counted without encoding the model.
        let bytes = measureLatency ? model.binarySize : 0
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
        if measureLatency { evaluation.latency = try singleRowLatency(of: model, on: view.frame) }
        return evaluation
    }

    /// Times single-row predictions through the whole pipeline, each on a prepared one-row
    /// frame, bounded by ``LatencyMeasurement`` (at most 200 timed calls, about 0.25 s).
    static func singleRowLatency(of model: TrainedModel, on frame: DataFrame) throws -> Latency? {
        try LatencyMeasurement().measure(
            rowCount: frame.rowCount, prepare: { frame.rows(at: [$0]) }, predict: { _ = try model.predictOutputs($0) })
    }
}

extension Duration {
    /// The duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
