import Foundation

/// Binary classification scores beyond ``ClassificationMetrics``' threshold counts, each
/// computed as scikit-learn does.
///
/// `labels` are 1 for a positive row and 0 otherwise; `probabilities` the predicted
/// positive-class probability per row. Arrays of different lengths are compared up to the
/// shorter one.
public enum BinaryScores {
    /// The mean of recall on positives and recall on negatives at `threshold`
    /// (`balanced_accuracy_score`); `nan` without rows. With one class present it is that
    /// class's recall.
    public static func balancedAccuracy(labels: [Double], probabilities: [Double], threshold: Double = 0.5) -> Double {
        var counts = (tp: 0.0, fn: 0.0, tn: 0.0, fp: 0.0)
        for (label, probability) in zip(labels, probabilities) {
            switch (label == 1, probability >= threshold) {
            case (true, true): counts.tp += 1
            case (true, false): counts.fn += 1
            case (false, true): counts.fp += 1
            case (false, false): counts.tn += 1
            }
        }
        var recalls: [Double] = []
        if counts.tp + counts.fn > 0 { recalls.append(counts.tp / (counts.tp + counts.fn)) }
        if counts.tn + counts.fp > 0 { recalls.append(counts.tn / (counts.tn + counts.fp)) }
        return recalls.isEmpty ? .nan : recalls.reduce(0, +) / Double(recalls.count)
    }

    /// The area under the precision–recall step curve (`average_precision_score`):
    /// Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores from high to low; `nan` without positives.
    public static func averagePrecision(labels: [Double], probabilities: [Double]) -> Double {
        let count = min(labels.count, probabilities.count)
        let order = (0..<count).sorted { probabilities[$0] > probabilities[$1] }
        let positives = (0..<count).reduce(0.0) { $0 + (labels[$1] == 1 ? 1 : 0) }
        guard positives > 0 else { return .nan }
        var truePositives = 0.0
        var seen = 0.0
        var previousRecall = 0.0
        var sum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end < order.count, probabilities[order[end]] == probabilities[order[start]] {
                if labels[order[end]] == 1 { truePositives += 1 }
                seen += 1
                end += 1
            }
            let recall = truePositives / positives
            sum += (recall - previousRecall) * (truePositives / seen)
            previousRecall = recall
            start = end
        }
        return sum
    }

    /// The mean squared difference between probability and outcome (`brier_score_loss`);
    /// `nan` without rows.
    public static func brier(labels: [Double], probabilities: [Double]) -> Double {
        let count = min(labels.count, probabilities.count)
        guard count > 0 else { return .nan }
        var sum = 0.0
        for index in 0..<count {
            let difference = probabilities[index] - (labels[index] == 1 ? 1 : 0)
            sum += difference * difference
        }
        return sum / Double(count)
    }
}
