/// The fitted steps of one numeric feature:
/// `output = (bin(x is missing ? fill : x) - center) / scale`.
///
/// Learned by ``FeatureEncoder`` from training data and stored in the model bundle, so that
/// prediction applies exactly the numbers training used.
public struct NumericTransform: Codable, Sendable, Equatable {
    /// The value that replaces a missing one (the learned imputation); `nil` keeps it missing (`nan`).
    public var fill: Double?
    /// Ascending bin edges from the training minimum to the maximum when the feature is
    /// binned (the output before scaling is then the bin index), `nil` otherwise.
    public var binEdges: [Double]?
    /// Subtracted before scaling: the mean (standard), the minimum (min-max) or 0.
    public var center: Double
    /// The divisor: the standard deviation (standard), the range (min-max) or 1; never 0.
    public var scale: Double

    /// Creates fitted numeric steps.
    public init(fill: Double?, binEdges: [Double]? = nil, center: Double = 0, scale: Double = 1) {
        self.fill = fill
        self.binEdges = binEdges
        self.center = center
        self.scale = scale
    }

    /// Learns the steps from a training column (`nan` = missing, no infinities).
    /// ``Scaling/automatic`` counts as ``Scaling/unscaled``.
    static func fit(_ values: [Double], steps: NumericPreprocessing) -> NumericTransform {
        let fill: Double? = switch steps.imputation {
        case .none: nil
        case .mean: ColumnStatistics.mean(ofPresent: values)
        case .median: ColumnStatistics.median(ofSorted: values.filter { !$0.isNaN }.sorted())
        case .mostFrequent: ColumnStatistics.mostFrequent(ofSorted: values.filter { !$0.isNaN }.sorted())
        case .constant(let value): value
        }
        var column = fill.map { fill in values.map { $0.isNaN ? fill : $0 } } ?? values.filter { !$0.isNaN }
        var edges: [Double]?
        if let binning = steps.binning {
            let binEdges = ColumnStatistics.binEdges(column, binning: binning)
            binEdges.withUnsafeBufferPointer { edges in
                for index in column.indices { column[index] = Double(ColumnStatistics.bin(of: column[index], edges: edges)) }
            }
            edges = binEdges
        }
        switch steps.scaling {
        case .automatic, .unscaled:
            return NumericTransform(fill: fill, binEdges: edges)
        case .standard:
            let (mean, deviation) = ColumnStatistics.meanAndDeviation(column)
            return NumericTransform(fill: fill, binEdges: edges, center: mean, scale: ColumnStatistics.safeScale(deviation))
        case .minMax:
            let low = column.min() ?? 0
            let high = column.max() ?? 0
            return NumericTransform(fill: fill, binEdges: edges, center: low, scale: ColumnStatistics.safeScale(high - low))
        }
    }

    /// Writes the transformed `values` into every `stride`-th element of `output` from `offset`.
    func apply(_ values: [Double], into output: inout UnsafeMutableBufferPointer<Double>, offset: Int, stride: Int) {
        let (fill, center, scale) = (fill ?? .nan, center, scale)
        var position = offset
        if let binEdges {
            binEdges.withUnsafeBufferPointer { edges in
                for value in values {
                    let bin = ColumnStatistics.bin(of: value.isNaN ? fill : value, edges: edges)
                    output[position] = (Double(bin) - center) / scale
                    position += stride
                }
            }
        } else {
            for value in values {
                output[position] = ((value.isNaN ? fill : value) - center) / scale
                position += stride
            }
        }
    }

    /// Why these numbers cannot have come from fitting, or `nil` when they are consistent.
    var inconsistency: String? {
        guard fill?.isFinite ?? true, center.isFinite, scale.isFinite, scale != 0 else {
            return "a numeric feature's fill, center and scale must be finite, and its scale not 0"
        }
        if let binEdges {
            guard binEdges.count >= 2, binEdges.allSatisfy(\.isFinite), zip(binEdges, binEdges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                return "a numeric feature's bin edges must be at least two finite numbers in ascending order"
            }
        }
        return nil
    }
}
