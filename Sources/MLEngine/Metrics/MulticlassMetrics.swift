import Foundation

/// Classification metrics for any number of classes, as scikit-learn computes them with
/// `average="macro"` (and one-vs-rest ROC AUC).
///
/// Labels are class indices `0..<classCount` as `Double`; probabilities are `classCount`
/// per row, row after row. The predicted class is the most probable one (the lowest index on a tie).
public struct MulticlassMetrics: Sendable, Equatable, Codable {
    /// One class's scores.
    public struct ClassScore: Sendable, Equatable, Codable {
        /// `tp / (tp + fp)`, 0 when the class is never predicted.
        public var precision: Double
        /// `tp / (tp + fn)`, 0 when the class never occurs.
        public var recall: Double
        /// Harmonic mean of precision and recall, 0 when both are 0.
        public var f1: Double
        /// How many rows truly belong to the class.
        public var support: Int
    }

    /// Fraction of rows predicted correctly.
    public var accuracy: Double
    /// The mean recall over the classes that occur.
    public var balancedAccuracy: Double
    /// Macro averages over all classes.
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Macro one-vs-rest ROC AUC over the classes that occur with both outcomes; `nan` if none.
    public var rocAUC: Double
    /// Mean negative log-likelihood of the true class, probabilities clipped to `[1e-15, 1]`.
    public var logLoss: Double
    /// Per-class scores, by class index.
    public var perClass: [ClassScore]
    /// `confusion[actual][predicted]` counts.
    public var confusion: [[Int]]

    /// The scalar metrics by their notebook names.
    public var namedValues: [String: Double] {
        [
            "accuracy": accuracy, "balanced_accuracy": balancedAccuracy, "precision": precision,
            "recall": recall, "f1": f1, "roc_auc": rocAUC, "log_loss": logLoss,
        ]
    }

    /// Computes every metric. Rows whose label is not a class index are ignored.
    public static func compute(labels: [Double], probabilities: [Double], classCount: Int) -> MulticlassMetrics {
        let classes = max(1, classCount)
        let rows = min(labels.count, probabilities.count / classes)
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        var logLossSum = 0.0
        var counted = 0
        for row in 0..<rows {
            let label = labels[row]
            guard label >= 0, label < Double(classes), label == label.rounded() else { continue }
            let actual = Int(label)
            let base = row * classes
            var predicted = 0
            for index in 1..<classes where probabilities[base + index] > probabilities[base + predicted] {
                predicted = index
            }
            confusion[actual][predicted] += 1
            logLossSum -= log(min(max(probabilities[base + actual], 1e-15), 1))
            counted += 1
        }
        var perClass: [ClassScore] = []
        var correct = 0
        for index in 0..<classes {
            let tp = Double(confusion[index][index])
            correct += confusion[index][index]
            let support = confusion[index].reduce(0, +)
            let predictedCount = confusion.reduce(0) { $0 + $1[index] }
            let precision = predictedCount > 0 ? tp / Double(predictedCount) : 0
            let recall = support > 0 ? tp / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            perClass.append(ClassScore(precision: precision, recall: recall, f1: f1, support: support))
        }
        let present = perClass.filter { $0.support > 0 }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
        var aucs: [Double] = []
        for index in 0..<classes {
            var binary = [Double](repeating: 0, count: rows)
            var scores = [Double](repeating: 0, count: rows)
            for row in 0..<rows {
                binary[row] = labels[row] == Double(index) ? 1 : 0
                scores[row] = probabilities[row * classes + index]
            }
            let auc = ClassificationMetrics.rocAUC(labels: binary, probabilities: scores)
            if !auc.isNaN { aucs.append(auc) }
        }
        return MulticlassMetrics(
            accuracy: counted > 0 ? Double(correct) / Double(counted) : .nan,
            balancedAccuracy: mean(present.map(\.recall)),
            precision: mean(perClass.map(\.precision)), recall: mean(perClass.map(\.recall)), f1: mean(perClass.map(\.f1)),
            rocAUC: mean(aucs), logLoss: counted > 0 ? logLossSum / Double(counted) : .nan,
            perClass: perClass, confusion: confusion)
    }
}
