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

    init(columns: Int, slots: Int) {
        self.columns = columns
        self.slots = slots
        slotSize = columns * Self.stride
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
        let workers = count * columns >= Self.parallelThreshold ? max(1, min(threads, columns)) : 1
        let fill: @Sendable (Int) -> Void = { worker in
            let first = worker * columns / workers
            let last = (worker + 1) * columns / workers
            for position in first..<last {
                let column = active[position]
                let histogram = target.pointer + column * Self.stride
                histogram.initialize(repeating: 0, count: Self.stride)
                let columnBins = binPointer.pointer + column * rows
                let g = gradientPointer.pointer
                let h = hessianPointer.pointer
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

    /// `slot(parent) -= slot(child)` on the `active` columns: the parent's histogram becomes
    /// its other child's.
    func subtract(child: Int, fromParent parent: Int, active: [Int]) {
        let a = slot(parent)
        let b = slot(child)
        if active.count == columns {
            for i in 0..<slotSize { a[i] -= b[i] }
            return
        }
        for column in active {
            let offset = column * Self.stride
            for i in offset..<(offset + Self.stride) { a[i] -= b[i] }
        }
    }
}
