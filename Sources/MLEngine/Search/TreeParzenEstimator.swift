import Foundation

/// The tree-structured Parzen estimator (Bergstra et al. 2011) with Optuna's defaults
/// (`TPESampler()` in Optuna 4–5, which is multivariate): the first 10 trials are random;
/// after that the scored trials split into the best γ(n) = min(⌈0.1 n⌉, 25) and the rest,
/// each modelled by a ``ParzenMixture``, and of 24 candidates drawn from the good mixture
/// the one maximising log l(x) − log g(x) is tried. Failed trials are left out of both.
///
/// Trials are proposed two at a time, as Optuna's default `constant_liar=True` does for
/// parallel workers: a trial proposed but not yet scored counts among the bad ones, so the
/// second proposal of a pair looks elsewhere. The pairs are the same on any number of threads.
enum TreeParzenEstimator {
    static let startupTrials = 10
    static let candidates = 24
    /// Trials proposed before any of them is scored.
    static let batchSize = 2

    static func gamma(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

    static func run(search: HyperparameterSearch, log: inout TrialLog) {
        let space = search.spaces[0]
        var generator = SeededGenerator(seed: search.seed).derived("tpe")
        let choiceCounts = space.dimensions.map(\.domain.choiceCount)
        while log.remaining > 0 {
            let scored = log.trials.compactMap { trial -> (point: [Double], loss: Double, index: Int)? in
                guard let score = trial.score?.mean, !score.isNaN else { return nil }
                return (coordinates(space, trial.request.parameters), log.loss(score), trial.request.index)
            }
            var pending: [(point: [Double], index: Int)] = []
            for _ in 0..<min(batchSize, log.remaining) {
                let index = log.trials.count + pending.count
                let point: [Double]
                if index < startupTrials || scored.isEmpty {
                    point = space.dimensions.map { dimension in
                        dimension.domain.choiceCount.map { Double(generator.nextInt(below: $0)) } ?? generator.nextDouble()
                    }
                } else {
                    point = propose(space: space, scored: scored, pending: pending, choiceCounts: choiceCounts, generator: &generator)
                }
                pending.append((coordinates(space, parameters(space, point)), index))
            }
            log.evaluate(pending.map { TrialRequest(index: $0.index, model: space.model, parameters: parameters(space, $0.point)) })
        }
    }

    /// The candidate with the best ratio of good to bad density; `pending` trials (proposed,
    /// not yet scored) count among the bad ones.
    static func propose(
        space: SearchSpace, scored: [(point: [Double], loss: Double, index: Int)], pending: [(point: [Double], index: Int)] = [],
        choiceCounts: [Int?], generator: inout SeededGenerator
    ) -> [Double] {
        let below = min(gamma(scored.count), scored.count)
        let ranked = scored.sorted { $0.loss < $1.loss || ($0.loss == $1.loss && $0.index < $1.index) }
        let good = ranked.prefix(below).sorted { $0.index < $1.index }.map(\.point)
        let bad = (ranked.dropFirst(below).map { ($0.point, $0.index) } + pending.map { ($0.point, $0.index) })
            .sorted { $0.1 < $1.1 }.map(\.0)
        let goodMixture = ParzenMixture(observations: good, choiceCounts: choiceCounts)
        let badMixture = ParzenMixture(observations: bad, choiceCounts: choiceCounts)
        var best: [Double] = []
        var bestValue = -Double.infinity
        for candidate in goodMixture.sample(candidates, generator: &generator) {
            let snapped = coordinates(space, parameters(space, candidate))
            let value = goodMixture.logDensity(snapped) - badMixture.logDensity(snapped)
            if best.isEmpty || value > bestValue {
                best = candidate
                bestValue = value
            }
        }
        return best
    }

    /// Sampler coordinates → parameters: numeric ones through the unit cube, categorical ones
    /// as choice indices.
    static func parameters(_ space: SearchSpace, _ point: [Double]) -> [String: ParameterValue] {
        var parameters = space.fixed
        for (dimension, x) in zip(space.dimensions, point) {
            if case .choice(let values) = dimension.domain {
                parameters[dimension.name] = values[min(max(Int(x), 0), values.count - 1)]
            } else {
                parameters[dimension.name] = dimension.domain.value(atUnit: x)
            }
        }
        return parameters
    }

    /// Parameters → sampler coordinates (an integer at the middle of its share).
    static func coordinates(_ space: SearchSpace, _ parameters: [String: ParameterValue]) -> [Double] {
        space.dimensions.map { dimension in
            let value = parameters[dimension.name]
            if case .choice(let values) = dimension.domain {
                return Double(value.flatMap { values.firstIndex(of: $0) } ?? 0)
            }
            return value.flatMap { dimension.domain.unit(of: $0) } ?? 0.5
        }
    }
}
