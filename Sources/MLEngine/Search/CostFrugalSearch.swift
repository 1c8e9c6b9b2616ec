import Foundation

/// AutoML across model families in FLAML's manner (Wang et al., "FLAML", MLSys 2021):
/// each family runs a cost-frugal local search (``LocalSearch``, FLOW2) from a low-cost start,
/// and the family to try next is the one with the smallest estimated cost of improvement
/// (ECI), measured in machine-independent work units rather than seconds so that the same
/// notebook makes the same choices on any machine.
///
/// ECI of a family (FLAML's `SearchState.estimated_cost4improvement` and `_select_estimator`):
/// the larger of the work between its last two improvements and the work since its last
/// improvement; a family behind the global best also needs at least 2 × gap / speed, its
/// recent improvement speed. A family not tried yet is estimated from the first family's
/// first trial times its relative cost; untried families whose estimate is the smallest go
/// first, otherwise a family is drawn with probability ∝ 1 / ECI (seeded).
enum CostFrugalSearch {
    /// The cost of a family's low-cost start relative to gradient boosting's (FLAML's
    /// `cost_relative2lgbm`, rescaled to this engine).
    static func relativeCost(_ kind: ModelKind) -> Double {
        switch kind {
        case .gradientBoosting: 1
        case .randomForest: 2
        case .decisionTree: 0.5
        case .logisticRegression: 10
        case .linearRegression: 1
        case .kNearestNeighbors: 30
        case .naiveBayes: 0.3
        }
    }

    /// Proposals in a row that repeat a setting already scored before the local search restarts.
    static let repeatLimit = 32

    static func run(search: HyperparameterSearch, log: inout TrialLog) {
        var generator = SeededGenerator(seed: search.seed).derived("auto")
        var families = search.spaces.enumerated().map { index, space in
            Family(space: space, local: LocalSearch(space: space, start: space.startPoint,
                                                    generator: generator.derived("local \(index)")))
        }
        var firstWork: Double?
        while log.remaining > 0, families.contains(where: { !$0.exhausted }) {
            let chosen = select(families, globalBest: log.best.flatMap { $0.score }.map { log.loss($0.mean) },
                                firstWork: firstWork, generator: &generator)
            var repeats = 0
            var trial: SearchTrial?
            while trial == nil, !families[chosen].exhausted {
                guard let point = families[chosen].local.suggest() else {
                    families[chosen].restart(generator: &generator)
                    continue
                }
                let parameters = families[chosen].space.parameters(atUnit: point)
                if let known = families[chosen].scored[parameters] {
                    families[chosen].local.report(point: point, loss: known)
                    repeats += 1
                    if repeats % repeatLimit == 0 { families[chosen].restart(generator: &generator) }
                    // A space this small has been covered: nothing new is left to try.
                    if repeats >= 8 * repeatLimit || families[chosen].space.dimensions.isEmpty {
                        families[chosen].exhausted = true
                    }
                    continue
                }
                let request = TrialRequest(index: log.trials.count, model: families[chosen].space.model, parameters: parameters)
                let done = log.evaluate([request])[0]
                let loss = done.score.map(\.mean).flatMap { $0.isNaN ? nil : log.loss($0) } ?? .infinity
                families[chosen].scored[parameters] = loss
                families[chosen].local.report(point: point, loss: loss)
                families[chosen].record(loss: loss, work: max(done.score?.work ?? 1, 1e-9))
                if firstWork == nil { firstWork = families[chosen].totalWork }
                trial = done
            }
        }
        if log.remaining > 0 {
            log.notes.append("every setting of the space was tried: \(log.remaining) trials of the budget were not needed")
        }
        let tried = families.filter { $0.trials > 0 }.map { "\($0.space.model.rawValue) \($0.trials)" }
        log.notes.append("auto: trials per model — " + tried.joined(separator: ", "))
    }

    /// The family to try next.
    static func select(_ families: [Family], globalBest: Double?, firstWork: Double?, generator: inout SeededGenerator) -> Int {
        guard let firstWork, let globalBest else { return families.firstIndex { !$0.exhausted } ?? 0 }
        var smallest = Double.infinity
        var selected = 0
        var inverse: [Double] = []
        for (index, family) in families.enumerated() {
            guard !family.exhausted else {
                inverse.append(0)
                continue
            }
            let estimate: Double
            if family.trials == 0 {
                estimate = relativeCost(family.space.model) / relativeCost(families[0].space.model) * firstWork
                inverse.append(0)
            } else {
                estimate = family.estimatedCostOfImprovement(globalBest: globalBest)
                inverse.append(1 / estimate)
            }
            if estimate < smallest {
                smallest = estimate
                selected = index
            }
        }
        if families[selected].trials == 0 { return selected }
        let total = inverse.reduce(0, +)
        var p = generator.nextDouble() * total
        for (index, value) in inverse.enumerated() where value > 0 {
            if p < value { return index }
            p -= value
        }
        return selected
    }

    /// One model family's local search and its search state (FLAML's `SearchState`), in work units.
    struct Family {
        let space: SearchSpace
        var local: LocalSearch
        var scored: [[String: ParameterValue]: Double] = [:]
        var trials = 0
        /// Set when proposals keep repeating scored settings: the family has nothing new.
        var exhausted = false
        var totalWork = 0.0
        var workBestFound = 0.0
        var workBestFoundOld = 0.0
        var bestLoss = Double.infinity
        var bestLossOld = Double.infinity

        init(space: SearchSpace, local: LocalSearch) {
            self.space = space
            self.local = local
        }

        mutating func record(loss: Double, work: Double) {
            trials += 1
            totalWork += work
            if loss < bestLoss {
                bestLossOld = bestLoss.isFinite ? bestLoss : loss
                bestLoss = loss
                workBestFoundOld = workBestFound
                workBestFound = totalWork
            }
        }

        func estimatedCostOfImprovement(globalBest: Double) -> Double {
            var estimate = max(workBestFound - workBestFoundOld, totalWork - workBestFound)
            let gap = bestLoss - globalBest
            if gap > 0, bestLoss.isFinite {
                let improvement = bestLossOld - bestLoss
                let deltaLoss = improvement != 0 ? improvement : abs(bestLoss)
                let deltaWork = totalWork - workBestFoundOld
                let speed = deltaLoss / (deltaWork != 0 ? deltaWork : 1e-10)
                if speed > 0 { estimate = max(2 * gap / speed, estimate) }
            }
            return estimate > 0 ? estimate : 1e-9
        }

        /// A fresh local search from a random point (FLAML's restart after convergence).
        mutating func restart(generator: inout SeededGenerator) {
            let point = space.dimensions.map { _ in generator.nextDouble() }
            local = LocalSearch(space: space, start: point, generator: generator.derived("restart \(trials)"))
        }
    }
}
