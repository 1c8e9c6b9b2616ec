import Foundation

extension HistGradientBoosting {
    /// The outputs for one encoded row (``inputCount`` values at `row`), written to `output`
    /// (`task.outputWidth` values): bit for bit what ``predict(_:)`` gives that row in a
    /// matrix, without allocating.
    public func predictRow(_ row: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) {
        let width = task.outputWidth
        for k in 0..<width { output[k] = baseline[k] }
        ensemble.addRaw(values: row, rows: 1, columns: inputCount, width: width, treeRange: 0..<ensemble.roots.count, into: output)
        switch task {
        case .binary:
            output[0] = 1 / (1 + exp(-output[0]))
        case .regression:
            break
        case .multiclass:
            var largest = -Double.infinity
            for k in 0..<width { largest = max(largest, output[k]) }
            var sum = 0.0
            for k in 0..<width {
                output[k] = exp(output[k] - largest)
                sum += output[k]
            }
            for k in 0..<width { output[k] /= sum }
        }
    }
}
