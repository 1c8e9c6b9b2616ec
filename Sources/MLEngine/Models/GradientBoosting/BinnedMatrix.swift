import Dispatch

/// The training matrix mapped to small bin indices, column after column, as LightGBM and
/// scikit-learn's `HistGradientBoosting` bin it before growing trees.
///
/// Numeric column: its distinct non-missing values when at most `maxBins`, each bin bounded
/// by the midpoint to the next value; otherwise `maxBins` quantile bins (midpoint percentiles
/// of at most 200,000 seeded-sampled rows, as scikit-learn). A value `v` falls in bin `i` when
/// `cuts[i - 1] < v <= cuts[i]`, so "bins `<= b` go left" is "`v <= cuts[b]`".
/// Categorical column: bin = category code. NaN (and for categories a negative or too large
/// code) falls in ``missingBin``.
struct BinnedMatrix: Sendable {
    /// The bin reserved for missing values in every column.
    static let missingBin = 255
    /// Rows sampled to find numeric cut points.
    static let cutSampleRows = 200_000

    let rows: Int
    let columns: Int
    /// `bins[column * rows + row]`.
    var bins: [UInt8]
    /// Per column: the upper bounds of the non-missing bins but the last (empty for categories).
    var cuts: [[Double]]
    /// Per column: the number of non-missing bins (categories for a categorical column).
    var binCounts: [Int]
    /// Per column: whether it is split as categories.
    var isCategorical: [Bool]

    /// Bins `x` restricted to `rowIndices`.
    static func make(
        _ x: FeatureMatrix, rowIndices: [Int], maxBins: Int, categorical: [Int: Int], threads: Int,
        generator: SeededGenerator
    ) -> BinnedMatrix {
        let rows = rowIndices.count
        let columns = x.columns
        var bins = [UInt8](repeating: 0, count: rows * columns)
        var cuts = [[Double]](repeating: [], count: columns)
        var binCounts = [Int](repeating: 0, count: columns)
        var isCategorical = [Bool](repeating: false, count: columns)
        var sample: [Int]? = nil
        if rows > cutSampleRows {
            var generator = generator.derived("binning")
            var picked = rowIndices
            for i in 0..<cutSampleRows {
                let j = i + generator.nextInt(below: rows - i)
                picked.swapAt(i, j)
            }
            sample = Array(picked[0..<cutSampleRows])
        }
        for column in 0..<columns {
            if let count = categorical[column] {
                isCategorical[column] = true
                binCounts[column] = count
            } else {
                cuts[column] = numericCuts(x, column: column, rowIndices: sample ?? rowIndices, maxBins: maxBins)
                binCounts[column] = cuts[column].count + 1
            }
        }
        let frozenCuts = cuts
        let frozenCounts = binCounts
        let frozenCategorical = isCategorical
        bins.withUnsafeMutableBufferPointer { buffer in
            x.values.withUnsafeBufferPointer { source in
                rowIndices.withUnsafeBufferPointer { indices in
                    guard let out = buffer.baseAddress, let inp = source.baseAddress, let idx = indices.baseAddress else { return }
                    let output = UnsafeSendable(out)
                    let input = UnsafeSendable(inp)
                    let rowList = UnsafeSendable(idx)
                    let workers = max(1, min(threads, columns))
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        var column = worker
                        while column < columns {
                            let target = output.pointer + column * rows
                            if frozenCategorical[column] {
                                let count = frozenCounts[column]
                                for r in 0..<rows {
                                    let value = input.pointer[rowList.pointer[r] * columns + column]
                                    target[r] = categoryBin(value, count: count)
                                }
                            } else {
                                frozenCuts[column].withUnsafeBufferPointer { cutList in
                                    for r in 0..<rows {
                                        let value = input.pointer[rowList.pointer[r] * columns + column]
                                        target[r] = numericBin(value, cuts: cutList)
                                    }
                                }
                            }
                            column += workers
                        }
                    }
                }
            }
        }
        return BinnedMatrix(rows: rows, columns: columns, bins: bins, cuts: cuts, binCounts: binCounts, isCategorical: isCategorical)
    }

    /// The bin of a category code; missing, negative or out-of-range codes give ``missingBin``.
    @inline(__always)
    static func categoryBin(_ value: Double, count: Int) -> UInt8 {
        guard value >= 0, value < Double(count) else { return UInt8(missingBin) }
        return UInt8(Int(value))
    }

    /// The bin of a number: the first cut at or above it (NaN gives ``missingBin``).
    @inline(__always)
    static func numericBin(_ value: Double, cuts: UnsafeBufferPointer<Double>) -> UInt8 {
        if value.isNaN { return UInt8(missingBin) }
        var low = 0
        var high = cuts.count
        while low < high {
            let middle = (low + high) >> 1
            if cuts[middle] < value { low = middle + 1 } else { high = middle }
        }
        return UInt8(low)
    }

    /// scikit-learn's `_find_binning_thresholds`: midpoints of distinct values, or midpoint
    /// percentiles when there are more than `maxBins` of them.
    static func numericCuts(_ x: FeatureMatrix, column: Int, rowIndices: [Int], maxBins: Int) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(rowIndices.count)
        for row in rowIndices {
            let value = x.values[row * x.columns + column]
            if !value.isNaN { values.append(value) }
        }
        guard !values.isEmpty else { return [] }
        values.sort()
        var distinct: [Double] = [values[0]]
        for value in values.dropFirst() where value != distinct[distinct.count - 1] {
            distinct.append(value)
            if distinct.count > maxBins { break }
        }
        if distinct.count <= maxBins {
            return (0..<(distinct.count - 1)).map { (distinct[$0] + distinct[$0 + 1]) * 0.5 }
        }
        var cuts: [Double] = []
        let last = Double(values.count - 1)
        for step in 1..<maxBins {
            let position = Double(step) / Double(maxBins) * last
            let lower = values[Int(position.rounded(.down))]
            let upper = values[Int(position.rounded(.up))]
            let cut = (lower + upper) * 0.5
            if cuts.last != cut { cuts.append(cut) }
        }
        return cuts
    }
}

/// A pointer handed to worker threads that write disjoint ranges (or only read).
struct UnsafeSendable<Pointee>: @unchecked Sendable {
    let pointer: Pointee
    init(_ pointer: Pointee) { self.pointer = pointer }
}
