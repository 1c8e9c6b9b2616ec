import Foundation
import MLEngine

/// One model's scores on one dataset.
struct ModelEvaluation: Sendable {
    var model: String
    var data: String
    var rows: Int
    var metrics: ClassificationMetrics
    var roc: ROCCurve
    var positiveLabel: String
    var negativeLabel: String
    var serializedBytes: Int
    /// Measured wall time of batch prediction per row (machine-dependent).
    var secondsPerRow: Double

    /// The scalar metrics by their notebook names.
    var values: [String: Double] {
        [
            "accuracy": metrics.accuracy, "precision": metrics.precision, "recall": metrics.recall,
            "f1": metrics.f1, "roc_auc": metrics.rocAUC, "log_loss": metrics.logLoss,
        ]
    }

    static func measure(_ entry: TrainedModelEntry, on view: DatasetView, threshold: Double) throws -> ModelEvaluation {
        let model = entry.model
        guard let column = view.frame.column(named: model.target) else {
            throw DirectiveError("`\(view.reference)` has no target column `\(model.target)`")
        }
        let labels = try BinaryTarget.encode(column, positive: model.positiveLabel)
        let started = ContinuousClock.now
        let probabilities = try model.predictProbabilities(view.frame)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(model).count) ?? 0
        return ModelEvaluation(
            model: entry.name, data: view.reference, rows: view.frame.rowCount,
            metrics: ClassificationMetrics.compute(labels: labels, probabilities: probabilities, threshold: threshold),
            roc: ROCCurve.compute(labels: labels, probabilities: probabilities),
            positiveLabel: model.positiveLabel, negativeLabel: model.negativeLabel ?? "other",
            serializedBytes: bytes, secondsPerRow: view.frame.rowCount == 0 ? 0 : seconds / Double(view.frame.rowCount))
    }
}
