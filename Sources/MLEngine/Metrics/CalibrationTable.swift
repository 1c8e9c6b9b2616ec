/// How well predicted probabilities match observed frequencies: rows grouped into equal-width
/// probability bins, as scikit-learn's `calibration_curve(strategy="uniform")`.
///
/// ```swift
/// let table = CalibrationTable.compute(labels: y, probabilities: p, bins: 10)
/// table.bins[0].observed // the positive share among rows predicted below 0.1
/// ```
public struct CalibrationTable: Sendable, Equatable, Codable {
    /// One non-empty bin.
    public struct Bin: Sendable, Equatable, Codable {
        /// The bin's probability range, `(lower, upper]` (the first bin includes 0), edges as
        /// `numpy.linspace` computes them.
        public var lower: Double
        public var upper: Double
        /// How many rows fell in it.
        public var count: Int
        /// Their mean predicted probability.
        public var meanPredicted: Double
        /// The share of them that are positive.
        public var observed: Double
    }

    /// The non-empty bins, from low to high probability.
    public var bins: [Bin]
    /// The count-weighted mean |observed − predicted| over the bins (expected calibration error).
    public var expectedCalibrationError: Double

    /// Groups rows into `bins` equal-width bins over [0, 1] (at least 1); a probability on an
    /// edge belongs to the lower bin, as `numpy.searchsorted` places it.
    public static func compute(labels: [Double], probabilities: [Double], bins binCount: Int = 10) -> CalibrationTable {
        let width = max(1, binCount)
        var counts = [Int](repeating: 0, count: width)
        var predicted = [Double](repeating: 0, count: width)
        var positives = [Double](repeating: 0, count: width)
        let step = 1.0 / Double(width)
        let innerEdges = (1..<width).map { Double($0) * step }
        for (label, probability) in zip(labels, probabilities) where probability.isFinite {
            var index = 0
            while index < innerEdges.count, innerEdges[index] < probability { index += 1 }
            counts[index] += 1
            predicted[index] += probability
            if label == 1 { positives[index] += 1 }
        }
        var result: [Bin] = []
        var total = 0
        var error = 0.0
        for index in 0..<width where counts[index] > 0 {
            let count = Double(counts[index])
            let bin = Bin(
                lower: Double(index) * step, upper: Double(index + 1) * step, count: counts[index],
                meanPredicted: predicted[index] / count, observed: positives[index] / count)
            result.append(bin)
            total += counts[index]
            error += count * abs(bin.observed - bin.meanPredicted)
        }
        return CalibrationTable(bins: result, expectedCalibrationError: total > 0 ? error / Double(total) : .nan)
    }
}
