import Foundation
import Testing
@testable import MLEngine

/// Strategies on known surfaces: a synthetic objective (no model is fitted) whose best
/// setting is known, so each strategy's behaviour can be checked exactly.
@Suite("Hyperparameter search strategies")
struct SearchStrategyTests {
    /// Two real parameters of gradient boosting searched on [0, 1]-like ranges.
    static let space = SearchSpace(model: .gradientBoosting, dimensions: [
        SearchDimension(name: "learning_rate", domain: .real(low: 0.01, high: 1, log: false)),
        SearchDimension(name: "l2_regularization", domain: .real(low: 0, high: 10, log: false)),
    ])

    /// A smooth bowl with its top (score 1) at learning_rate 0.3, l2 7.
    static let bowl: HyperparameterSearch.Objective = { request in
        let x = request.parameters["learning_rate"]?.doubleValue ?? 0
        let y = (request.parameters["l2_regularization"]?.doubleValue ?? 0) / 10
        let score = 1 - (x - 0.3) * (x - 0.3) - (y - 0.7) * (y - 0.7)
        return .success(TrialScore(mean: score, std: 0, fits: 1, work: 1))
    }

    static func distanceToTop(_ result: SearchResult) -> Double {
        guard let best = result.best else { return .infinity }
        let x = best.request.parameters["learning_rate"]?.doubleValue ?? 0
        let y = (best.request.parameters["l2_regularization"]?.doubleValue ?? 0) / 10
        return ((x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7)).squareRoot()
    }

    func search(_ strategy: SearchStrategy, trials: Int, threads: Int = 1, seed: UInt64 = 7) -> SearchResult {
        HyperparameterSearch(strategy: strategy, spaces: [Self.space], trials: trials, maximize: true, seed: seed, threads: threads)
            .run(objective: Self.bowl)
    }

    @Test("random, tpe and grid each spend exactly the budget and find the top of a bowl")
    func findsTheTop() {
        let random = search(.random, trials: 60)
        let tpe = search(.tpe, trials: 60)
        let grid = search(.grid, trials: 25)
        #expect(random.trials.count == 60 && tpe.trials.count == 60 && grid.trials.count == 25)
        #expect(random.fits == 60 && tpe.fits == 60)
        #expect(Self.distanceToTop(random) < 0.15)
        #expect(Self.distanceToTop(tpe) < 0.05)
        // The 5 × 5 grid's nearest point to the top is (0.2575, 7.5).
        let best = grid.best?.request.parameters
        #expect(best?["learning_rate"] == .double(0.2575) && best?["l2_regularization"] == .double(7.5))
    }

    @Test("tpe beats random search on average over seeds, with the same budget")
    func tpeBeatsRandom() {
        let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]
        let tpe = seeds.map { Self.distanceToTop(search(.tpe, trials: 40, seed: $0)) }.reduce(0, +)
        let random = seeds.map { Self.distanceToTop(search(.random, trials: 40, seed: $0)) }.reduce(0, +)
        #expect(tpe < random / 2)
    }

    @Test("tpe's first 10 trials are random; later ones concentrate near the top")
    func tpeConcentrates() {
        let result = search(.tpe, trials: 50)
        func distance(_ trial: SearchTrial) -> Double {
            let x = trial.request.parameters["learning_rate"]?.doubleValue ?? 0
            let y = (trial.request.parameters["l2_regularization"]?.doubleValue ?? 0) / 10
            return ((x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7)).squareRoot()
        }
        let early = result.trials.prefix(10).map(distance).reduce(0, +) / 10
        let late = result.trials.suffix(20).map(distance).reduce(0, +) / 20
        #expect(late < early / 2)
    }

    @Test("a grid larger than the budget runs a seeded sample of its points, and says so")
    func gridSample() {
        let result = search(.grid, trials: 7)
        #expect(result.trials.count == 7)
        #expect(result.notes.contains { $0.contains("7 of the grid's 25 points") })
        #expect(search(.grid, trials: 7).trials == result.trials)
        let small = search(.grid, trials: 40)
        #expect(small.trials.count == 25 && small.notes.contains { $0.contains("15 trials of the budget were not needed") })
    }

    @Test("successive halving: rungs of 39, 13, 5, 2, 1 for 60 trials, each on 3× the rows")
    func halvingSchedule() {
        #expect(SuccessiveHalving.schedule(trials: 60, factor: 3) == [39, 13, 5, 2, 1])
        for trials in 1...200 {
            #expect(SuccessiveHalving.schedule(trials: trials, factor: 3).reduce(0, +) == trials, "\(trials)")
        }
        let result = search(.halving, trials: 60)
        #expect(result.trials.count == 60)
        let shares = result.trials.map(\.request.rowShare)
        #expect(shares.prefix(39).allSatisfy { abs($0 - 1.0 / 81) < 1e-12 })
        #expect(shares.suffix(1) == [1])
        #expect(result.best?.request.rung == 4)
    }

    @Test("halving promotes the best third of each rung")
    func halvingPromotes() {
        let result = search(.halving, trials: 60)
        let first = result.trials.prefix(39).sorted { ($0.score?.mean ?? 0) > ($1.score?.mean ?? 0) }
        let promoted = Set(result.trials.dropFirst(39).prefix(13).map { $0.request.parameters["learning_rate"]?.doubleValue ?? -1 })
        #expect(promoted == Set(first.prefix(13).map { $0.request.parameters["learning_rate"]?.doubleValue ?? -2 }))
    }

    @Test("halving on a count parameter scales it per rung")
    func halvingOnIterations() {
        let space = SearchSpace(model: .gradientBoosting, dimensions: Self.space.dimensions, fixed: ["max_iter": .int(270)])
        let result = HyperparameterSearch(
            strategy: .halving, spaces: [space], trials: 13, maximize: true, seed: 1, halvingResource: .parameter("max_iter")
        ).run(objective: Self.bowl)
        // 13 trials: rungs 9, 3, 1 on 30, 90 and 270 iterations.
        #expect(result.trials.map { $0.request.parameters["max_iter"] } == Array(repeating: .int(30), count: 9)
            + Array(repeating: .int(90), count: 3) + [.int(270)])
        #expect(result.trials.allSatisfy { $0.request.rowShare == 1 })
        #expect(result.best?.request.parameters["max_iter"] == .int(270))
    }

    @Test("results are identical on 1 and 2 threads and on a rerun")
    func determinism() {
        for strategy in SearchStrategy.allCases where strategy != .auto {
            let one = search(strategy, trials: 30, threads: 1)
            let two = search(strategy, trials: 30, threads: 2)
            #expect(one == two, "\(strategy)")
            #expect(one == search(strategy, trials: 30, threads: 1), "\(strategy)")
        }
    }

    @Test("a failed trial spends its fits and is never the winner")
    func failures() {
        let flaky: HyperparameterSearch.Objective = { request in
            request.index % 3 == 0 ? .failure(TrialFailure("boom", fits: 2)) : Self.bowl(request)
        }
        let result = HyperparameterSearch(strategy: .tpe, spaces: [Self.space], trials: 30, maximize: true, seed: 3).run(objective: flaky)
        #expect(result.trials.count == 30)
        #expect(result.fits == 40)
        #expect(result.best.map { $0.request.index % 3 != 0 } == true)
    }

    @Test("minimising a loss finds its bottom")
    func minimise() {
        let loss: HyperparameterSearch.Objective = { request in
            guard case .success(let score) = Self.bowl(request) else { return .failure(TrialFailure("")) }
            return .success(TrialScore(mean: 1 - score.mean, std: 0, fits: 1, work: 1))
        }
        let result = HyperparameterSearch(strategy: .tpe, spaces: [Self.space], trials: 60, maximize: false, seed: 7).run(objective: loss)
        #expect(Self.distanceToTop(result) < 0.05)
    }

    @Test("a deadline in the past stops the search before any trial")
    func deadline() {
        var search = HyperparameterSearch(strategy: .random, spaces: [Self.space], trials: 10, maximize: true, seed: 1)
        search.deadline = ContinuousClock.now
        let result = search.run(objective: Self.bowl)
        #expect(result.trials.isEmpty && result.stoppedByDeadline)
    }
}
