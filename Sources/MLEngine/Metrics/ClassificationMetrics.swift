import Foundation

/// The usual binary classification metrics, computed as scikit-learn does.
///
/// ```swift
/// let metrics = ClassificationMetrics.compute(labels: [0, 1, 1], probabilities: [0.2, 0.7, 0.4])
/// metrics.recall // 0.5
/// ```
/// Undefined values are `nan`: accuracy and log loss without rows, ROC AUC when only one
/// class occurs. Encode with a non-conforming float strategy if that can happen.
public struct ClassificationMetrics: Sendable, Equatable, Codable {
    /// Fraction of rows predicted correctly.
    public var accuracy: Double
    /// `tp / (tp + fp)`, or 0 when nothing is predicted positive (`zero_division=0`).
    public var precision: Double
    /// `tp / (tp + fn)`, or 0 when there are no positives.
    public var recall: Double
    /// `2tp / (2tp + fp + fn)`, or 0 when that is 0/0.
    public var f1: Double
    /// Area under the ROC curve (the Mann–Whitney statistic, ties counting one half).
    public var rocAUC: Double
    /// Mean negative log-likelihood, probabilities clipped to `[1e-15, 1 − 1e-15]`.
    public var logLoss: Double
    /// The outcome counts at the threshold.
    public var confusion: ConfusionMatrix

    /// Creates metrics from their values.
    public init(
        accuracy: Double, precision: Double, recall: Double, f1: Double,
        rocAUC: Double, logLoss: Double, confusion: ConfusionMatrix
    ) {
        self.accuracy = accuracy
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.rocAUC = rocAUC
        self.logLoss = logLoss
        self.confusion = confusion
    }

    /// Computes all metrics.
    /// - Parameters:
    ///   - labels: 1 for a positive row, 0 for a negative one.
    ///   - probabilities: the predicted positive-class probability per row.
    ///   - threshold: rows with probability `>= threshold` are predicted positive.
    /// - Precondition: both arrays have the same length.
    public static func compute(labels: [Double], probabilities: [Double], threshold: Double = 0.5) -> ClassificationMetrics {
        precondition(labels.count == probabilities.count, "labels and probabilities must have the same length")
        var confusion = ConfusionMatrix(tn: 0, fp: 0, fn: 0, tp: 0)
        var logLossSum = 0.0
        let epsilon = 1e-15
        for (label, probability) in zip(labels, probabilities) {
            let positive = label == 1
            switch (positive, probability >= threshold) {
            case (true, true): confusion.tp += 1
            case (true, false): confusion.fn += 1
            case (false, true): confusion.fp += 1
            case (false, false): confusion.tn += 1
            }
            let clipped = min(max(probability, epsilon), 1 - epsilon)
            logLossSum -= positive ? log(clipped) : log(1 - clipped)
        }
        let count = Double(labels.count)
        let tp = Double(confusion.tp), fp = Double(confusion.fp), fn = Double(confusion.fn)
        return ClassificationMetrics(
            accuracy: Double(confusion.tp + confusion.tn) / count,
            precision: ratio(tp, tp + fp),
            recall: ratio(tp, tp + fn),
            f1: ratio(2 * tp, 2 * tp + fp + fn),
            rocAUC: rocAUC(labels: labels, probabilities: probabilities),
            logLoss: logLossSum / count,
            confusion: confusion
        )
    }

    /// The area under the ROC curve by the rank statistic: the probability that a random
    /// positive scores above a random negative, ties counting one half; `nan` with one class.
    public static func rocAUC(labels: [Double], probabilities: [Double]) -> Double {
        let order = probabilities.indices.sorted { probabilities[$0] < probabilities[$1] }
        var positiveRankSum = 0.0
        var positives = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, probabilities[order[end]] == probabilities[order[start]] { end += 1 }
            // Ranks start..<end (1-based: start+1 ... end) share their average.
            let averageRank = Double(start + 1 + end) / 2
            for position in start..<end where labels[order[position]] == 1 {
                positiveRankSum += averageRank
                positives += 1
            }
            start = end
        }
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return .nan }
        return (positiveRankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// The metrics by their notebook names (`accuracy`, `precision`, `recall`, `f1`,
    /// `roc_auc`, `log_loss`), e.g. for a model manifest.
    public var namedValues: [String: Double] {
        [
            "accuracy": accuracy, "precision": precision, "recall": recall,
            "f1": f1, "roc_auc": rocAUC, "log_loss": logLoss,
        ]
    }

    private static func ratio(_ numerator: Double, _ denominator: Double) -> Double {
        denominator > 0 ? numerator / denominator : 0
    }
}
