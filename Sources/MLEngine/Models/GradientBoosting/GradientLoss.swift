import Dispatch
import Foundation

/// The loss a boosted ensemble minimises, from its ``LearningTask``: binary log-loss,
/// multiclass softmax cross-entropy, or half squared error.
enum GradientLoss {
    /// Keeps initial probabilities away from 0 and 1.
    static let probabilityFloor = 1e-15

    /// The starting raw score per output: log-odds of the prior, log prior per class, or the mean.
    static func baseline(task: LearningTask, targets: [Double]) -> [Double] {
        switch task {
        case .binary:
            let mean = targets.reduce(0, +) / Double(max(1, targets.count))
            let p = min(max(mean, probabilityFloor), 1 - probabilityFloor)
            return [log(p / (1 - p))]
        case .multiclass(let classes):
            var counts = [Double](repeating: 0, count: classes)
            for target in targets { counts[Int(target)] += 1 }
            return counts.map { log(max($0 / Double(max(1, targets.count)), probabilityFloor)) }
        case .regression:
            return [targets.reduce(0, +) / Double(max(1, targets.count))]
        }
    }

    /// Below this many rows the gradients are computed on one thread.
    static let parallelRows = 16_384

    /// Fills the gradients and hessians of every output for every row; `raw` is row-major
    /// (`rows * width`), `gradients`/`hessians` are `width` blocks of `rows` values.
    ///
    /// Rows are independent, so `threads` workers each take a contiguous share and the
    /// values do not depend on the thread count.
    static func gradients(
        task: LearningTask, targets: [Double], raw: [Double], gradients: inout [Double], hessians: inout [Double], threads: Int = 1
    ) {
        let rows = targets.count
        targets.withUnsafeBufferPointer { targetBuffer in
            raw.withUnsafeBufferPointer { rawBuffer in
                gradients.withUnsafeMutableBufferPointer { gradientBuffer in
                    hessians.withUnsafeMutableBufferPointer { hessianBuffer in
                        guard let t = targetBuffer.baseAddress, let r = rawBuffer.baseAddress,
                              let g = gradientBuffer.baseAddress, let h = hessianBuffer.baseAddress else { return }
                        let pointers = UnsafeSendable((t, r, g, h))
                        let workers = rows >= parallelRows ? max(1, threads) : 1
                        let fill: @Sendable (Int) -> Void = { worker in
                            let (t, r, g, h) = pointers.pointer
                            fillGradients(task: task, rows: rows, range: (worker * rows / workers)..<((worker + 1) * rows / workers),
                                          targets: t, raw: r, gradients: g, hessians: h)
                        }
                        if workers == 1 { fill(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: fill) }
                    }
                }
            }
        }
    }

    private static func fillGradients(
        task: LearningTask, rows: Int, range: Range<Int>, targets: UnsafePointer<Double>, raw: UnsafePointer<Double>,
        gradients: UnsafeMutablePointer<Double>, hessians: UnsafeMutablePointer<Double>
    ) {
        switch task {
        case .binary:
            for r in range {
                let p = 1 / (1 + exp(-raw[r]))
                gradients[r] = p - targets[r]
                hessians[r] = max(p * (1 - p), 1e-16)
            }
        case .regression:
            for r in range {
                gradients[r] = raw[r] - targets[r]
                hessians[r] = 1
            }
        case .multiclass(let classes):
            withUnsafeTemporaryAllocation(of: Double.self, capacity: max(classes, 1)) { buffer in
                guard let probabilities = buffer.baseAddress else { return }
                for r in range {
                    softmax(raw + r * classes, count: classes, into: probabilities)
                    let label = Int(targets[r])
                    for k in 0..<classes {
                        let p = probabilities[k]
                        gradients[k * rows + r] = p - (k == label ? 1 : 0)
                        hessians[k * rows + r] = max(p * (1 - p), 1e-16)
                    }
                }
            }
        }
    }

    /// The mean loss of raw scores (row-major, `rows * width`) against `targets`.
    static func meanLoss(task: LearningTask, targets: [Double], raw: [Double]) -> Double {
        let rows = targets.count
        guard rows > 0 else { return 0 }
        var total = 0.0
        switch task {
        case .binary:
            for r in 0..<rows {
                // log(1 + e^z) - y z, computed stably.
                let z = raw[r]
                let softplus = z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
                total += softplus - targets[r] * z
            }
        case .regression:
            for r in 0..<rows {
                let d = raw[r] - targets[r]
                total += 0.5 * d * d
            }
        case .multiclass(let classes):
            for r in 0..<rows {
                var largest = -Double.infinity
                for k in 0..<classes { largest = max(largest, raw[r * classes + k]) }
                var sum = 0.0
                for k in 0..<classes { sum += exp(raw[r * classes + k] - largest) }
                total += largest + log(sum) - raw[r * classes + Int(targets[r])]
            }
        }
        return total / Double(rows)
    }

    /// Softmax of the `count` values at `values` into `output`.
    @inline(__always)
    static func softmax(_ values: UnsafePointer<Double>, count: Int, into output: UnsafeMutablePointer<Double>) {
        var largest = -Double.infinity
        for k in 0..<count { largest = max(largest, values[k]) }
        var sum = 0.0
        for k in 0..<count {
            let e = exp(values[k] - largest)
            output[k] = e
            sum += e
        }
        for k in 0..<count { output[k] /= sum }
    }
}
