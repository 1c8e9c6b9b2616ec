/// The receiver operating characteristic of a scored binary classifier.
///
/// Like scikit-learn's `roc_curve(drop_intermediate=False)`: one point per distinct score,
/// from the strictest threshold (+∞, point (0, 0)) to the loosest (point (1, 1)).
/// When a class is absent its rate is 0 throughout.
public struct ROCCurve: Sendable, Equatable {
    /// One operating point.
    public struct Point: Sendable, Equatable {
        /// False positive rate.
        public var fpr: Double
        /// True positive rate.
        public var tpr: Double
        /// Rows scoring `>= threshold` are predicted positive; `+infinity` for the first point.
        public var threshold: Double

        /// Creates a point.
        public init(fpr: Double, tpr: Double, threshold: Double) {
            self.fpr = fpr
            self.tpr = tpr
            self.threshold = threshold
        }
    }

    /// The points by decreasing threshold (non-decreasing rates).
    public var points: [Point]

    /// Creates a curve from its points.
    public init(points: [Point]) {
        self.points = points
    }

    /// Computes the curve of `probabilities` against 0/1 `labels`.
    /// - Precondition: both arrays have the same length.
    public static func compute(labels: [Double], probabilities: [Double]) -> ROCCurve {
        precondition(labels.count == probabilities.count, "labels and probabilities must have the same length")
        let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
        let positives = Double(labels.reduce(0) { $0 + ($1 == 1 ? 1 : 0) })
        let negatives = Double(labels.count) - positives
        var points = [Point(fpr: 0, tpr: 0, threshold: .infinity)]
        var truePositives = 0.0
        var falsePositives = 0.0
        var start = 0
        while start < order.count {
            let score = probabilities[order[start]]
            var end = start
            while end < order.count, probabilities[order[end]] == score {
                if labels[order[end]] == 1 { truePositives += 1 } else { falsePositives += 1 }
                end += 1
            }
            points.append(Point(
                fpr: negatives > 0 ? falsePositives / negatives : 0,
                tpr: positives > 0 ? truePositives / positives : 0,
                threshold: score
            ))
            start = end
        }
        return ROCCurve(points: points)
    }

    /// The area under the curve by the trapezoidal rule (equal to the rank-statistic AUC).
    public var area: Double {
        zip(points, points.dropFirst()).reduce(0) { sum, pair in
            sum + (pair.1.fpr - pair.0.fpr) * (pair.0.tpr + pair.1.tpr) / 2
        }
    }

    /// At most `maxPoints` points (at least 2) for drawing: the first, the last and evenly
    /// spaced ones between, in order.
    public func downsampled(maxPoints: Int) -> ROCCurve {
        let limit = max(maxPoints, 2)
        guard points.count > limit else { return self }
        let last = points.count - 1
        var kept: [Point] = []
        kept.reserveCapacity(limit)
        for step in 0..<limit {
            // Integer arithmetic keeps the choice exact and strictly increasing.
            kept.append(points[(step * last + (limit - 1) / 2) / (limit - 1)])
        }
        return ROCCurve(points: kept)
    }
}
