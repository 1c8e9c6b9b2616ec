import Foundation

/// FLAML's FLOW2 randomized direct search on the unit cube: from the incumbent, try a step
/// along a random unit direction, then the opposite one; move on improvement. After 2^min(9, d)
/// proposals without improvement the step shrinks by √(K_old / K) (it grows back by √(K / K_old)
/// on the next improvement); below its lower bound the search has converged.
///
/// Steps start at 0.1 √d, at most √d; the lower bound is the finest resolution of an integer
/// or categorical dimension times √d (10⁻⁴ √d when every dimension is real).
struct LocalSearch {
    let dimensions: Int
    private(set) var incumbent: [Double]
    private var bestLoss = Double.infinity
    private var step: Double
    private let stepUpper: Double
    private let stepLower: Double
    private let patience: Int
    private var direction: [Double]?
    private var started = false
    private var proposed = 1
    private var completed = 1
    private var proposedByIncumbent = 0
    private var k = 0.0
    private var oldK = 0.0
    private var bestAt = 1
    private var generator: SeededGenerator

    init(space: SearchSpace, start: [Double], generator: SeededGenerator) {
        dimensions = space.dimensions.count
        incumbent = start
        self.generator = generator
        stepUpper = Double(max(dimensions, 1)).squareRoot()
        var resolution = Double.infinity
        for dimension in space.dimensions {
            switch dimension.domain {
            case .integer(let low, let high, _): resolution = min(resolution, 1 / Double(high - low + 1))
            case .choice(let values): resolution = min(resolution, 1 / Double(values.count))
            case .real: break
            }
        }
        stepLower = (resolution.isFinite ? resolution : 1e-4) * stepUpper
        var initial = 0.1 * stepUpper
        if stepLower > initial { initial = 2 * stepLower }
        step = min(initial, stepUpper)
        patience = 1 << min(9, max(dimensions, 1))
    }

    /// The next point to try, or `nil` once converged. The first call returns the start.
    mutating func suggest() -> [Double]? {
        guard started else {
            started = true
            return incumbent
        }
        guard dimensions > 0 else { return nil }
        proposed += 1
        var move = incumbent
        if let tried = direction {
            for index in move.indices { move[index] -= tried[index] }
            direction = nil
        } else {
            let tried = unitDirection().map { $0 * step }
            for index in move.indices { move[index] += tried[index] }
            direction = tried
        }
        for index in move.indices { move[index] = min(max(move[index], 0), 1) }
        proposedByIncumbent += 1
        if proposedByIncumbent == patience {
            proposedByIncumbent -= 2
            if step < stepLower { return nil }
            oldK = k != 0 ? k : Double(bestAt)
            k = Double(proposed + 1)
            step *= (oldK / k).squareRoot()
        }
        return move
    }

    /// The loss of a suggested point (infinity for a failed trial).
    mutating func report(point: [Double], loss: Double) {
        completed += 1
        guard loss < bestLoss else { return }
        let first = !bestLoss.isFinite && point == incumbent
        bestLoss = loss
        incumbent = point
        guard !first else { return }
        direction = nil
        proposedByIncumbent = 0
        if k > 0 { step = min(step * (k / oldK).squareRoot(), stepUpper) }
        bestAt = completed
    }

    private mutating func unitDirection() -> [Double] {
        var vector = (0..<dimensions).map { _ -> Double in
            let u1 = max(generator.nextDouble(), Double.leastNonzeroMagnitude)
            return (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * generator.nextDouble())
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { vector = vector.map { $0 / norm } }
        return vector
    }
}
