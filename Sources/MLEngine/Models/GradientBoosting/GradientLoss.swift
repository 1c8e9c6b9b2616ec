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

    /// Fills the gradients and hessians of output `k` for every row; `raw` is row-major
    /// (`rows * width`), `gradients`/`hessians` are `width` blocks of `rows` values.
    static func gradients(
        task: LearningTask, targets: [Double], raw: [Double], gradients: inout [Double], hessians: inout [Double]
    ) {
        let rows = targets.count
        switch task {
        case .binary:
            for r in 0..<rows {
                let p = 1 / (1 + exp(-raw[r]))
                gradients[r] = p - targets[r]
                hessians[r] = max(p * (1 - p), 1e-16)
            }
        case .regression:
            for r in 0..<rows {
                gradients[r] = raw[r] - targets[r]
                hessians[r] = 1
            }
        case .multiclass(let classes):
            var probabilities = [Double](repeating: 0, count: classes)
            for r in 0..<rows {
                softmax(raw, offset: r * classes, count: classes, into: &probabilities)
                let label = Int(targets[r])
                for k in 0..<classes {
                    let p = probabilities[k]
                    gradients[k * rows + r] = p - (k == label ? 1 : 0)
                    hessians[k * rows + r] = max(p * (1 - p), 1e-16)
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

    /// Softmax of `values[offset ..< offset + count]` into `output`.
    @inline(__always)
    static func softmax(_ values: [Double], offset: Int, count: Int, into output: inout [Double]) {
        var largest = -Double.infinity
        for k in 0..<count { largest = max(largest, values[offset + k]) }
        var sum = 0.0
        for k in 0..<count {
            let e = exp(values[offset + k] - largest)
            output[k] = e
            sum += e
        }
        for k in 0..<count { output[k] /= sum }
    }
}
