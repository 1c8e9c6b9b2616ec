import Dispatch

/// Gradient histograms of growing leaves, one slot per leaf: per column 256 bins of
/// (sum of gradients, sum of hessians, row count).
///
/// Columns are shared between worker threads, each column filled by one thread with the
/// same sequential loop, so the sums do not depend on the thread count.
final class HistogramPool: @unchecked Sendable {
    /// Doubles per column: 256 bins × 3.
    static let stride = 256 * 3
    /// Below this many (rows × columns) a histogram is built on one thread.
    static let parallelThreshold = 40_000

    let columns: Int
    let slotSize: Int
    private(set) var storage: UnsafeMutablePointer<Double>
    let slots: Int
    /// Per column, the doubles in use at the start of its 256 bins (3 per non-missing bin);
    /// only those and the missing bin are cleared and subtracted.
    let usedPrefix: [Int]

    /// - Parameter binCounts: the non-missing bins of each column (at most 255).
    init(columns: Int, slots: Int, binCounts: [Int]) {
        self.columns = columns
        self.slots = slots
        slotSize = columns * Self.stride
        usedPrefix = (0..<columns).map { column in
            3 * min(max(column < binCounts.count ? binCounts[column] : 255, 0), BinnedMatrix.missingBin)
        }
        storage = .allocate(capacity: max(1, slotSize * slots))
    }

    deinit { storage.deallocate() }

    func slot(_ index: Int) -> UnsafeMutablePointer<Double> { storage + index * slotSize }

    /// Fills `slot`'s histograms of `active` columns from the rows `rowIndices[0..<count]` (or
    /// rows `0..<count` in order when `rowIndices` is nil) with their gradients and hessians.
    func build(
        slot index: Int, bins: UnsafePointer<UInt8>, rows: Int, rowIndices: UnsafePointer<Int32>?, count: Int,
        gradients: UnsafePointer<Double>, hessians: UnsafePointer<Double>, active: [Int], threads: Int
    ) {
        let target = UnsafeSendable(slot(index))
        let binPointer = UnsafeSendable(bins)
        let indexPointer = UnsafeSendable(rowIndices)
        let gradientPointer = UnsafeSendable(gradients)
        let hessianPointer = UnsafeSendable(hessians)
        let columns = active.count
        let usedPrefix = usedPrefix
        let workers = count * columns >= Self.parallelThreshold ? max(1, min(threads, columns)) : 1
        let fill: @Sendable (Int) -> Void = { worker in
            let first = worker * columns / workers
            let last = (worker + 1) * columns / workers
            let g = gradientPointer.pointer
            let h = hessianPointer.pointer
            for position in first..<last {
                let histogram = target.pointer + active[position] * Self.stride
                // Rows only fall in the used bins and the missing bin.
                histogram.initialize(repeating: 0, count: usedPrefix[active[position]])
                (histogram + BinnedMatrix.missingBin * 3).initialize(repeating: 0, count: 3)
            }
            // Two columns per pass over the rows: one load of each gradient feeds both, and the
            // two histograms' update chains overlap. Each bin still sums its rows in row order.
            var position = first
            while position + 1 < last {
                let a = active[position], b = active[position + 1]
                let histogramA = target.pointer + a * Self.stride
                let histogramB = target.pointer + b * Self.stride
                let binsA = binPointer.pointer + a * rows
                let binsB = binPointer.pointer + b * rows
                if let indices = indexPointer.pointer {
                    for i in 0..<count {
                        let row = Int(indices[i])
                        let x = Int(binsA[row]) &* 3, y = Int(binsB[row]) &* 3
                        let gh = SIMD2(g[i], h[i])
                        Self.add(gh, histogramA + x)
                        Self.add(gh, histogramB + y)
                    }
                } else {
                    for i in 0..<count {
                        let x = Int(binsA[i]) &* 3, y = Int(binsB[i]) &* 3
                        let gh = SIMD2(g[i], h[i])
                        Self.add(gh, histogramA + x)
                        Self.add(gh, histogramB + y)
                    }
                }
                position += 2
            }
            if position < last {
                let column = active[position]
                let histogram = target.pointer + column * Self.stride
                let columnBins = binPointer.pointer + column * rows
                if let indices = indexPointer.pointer {
                    for i in 0..<count {
                        let b = Int(columnBins[Int(indices[i])]) &* 3
                        histogram[b] += g[i]
                        histogram[b &+ 1] += h[i]
                        histogram[b &+ 2] += 1
                    }
                } else {
                    for i in 0..<count {
                        let b = Int(columnBins[i]) &* 3
                        histogram[b] += g[i]
                        histogram[b &+ 1] += h[i]
                        histogram[b &+ 2] += 1
                    }
                }
            }
        }
        if workers == 1 {
            fill(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: fill)
        }
    }

    /// Adds one row's (gradient, hessian) to the bin at `bin` (one two-lane add: each lane is
    /// the same IEEE addition as a scalar one) and 1 to its count.
    @inline(__always)
    static func add(_ gh: SIMD2<Double>, _ bin: UnsafeMutablePointer<Double>) {
        let raw = UnsafeMutableRawPointer(bin)
        raw.storeBytes(of: raw.loadUnaligned(as: SIMD2<Double>.self) + gh, toByteOffset: 0, as: SIMD2<Double>.self)
        bin[2] += 1
    }

    /// `slot(parent) -= slot(child)` on the `active` columns: the parent's histogram becomes
    /// its other child's.
    func subtract(child: Int, fromParent parent: Int, active: [Int]) {
        let a = slot(parent)
        let b = slot(child)
        for column in active {
            let offset = column * Self.stride
            for i in offset..<(offset + usedPrefix[column]) { a[i] -= b[i] }
            let missing = offset + BinnedMatrix.missingBin * 3
            for i in missing..<(missing + 3) { a[i] -= b[i] }
        }
    }
}
