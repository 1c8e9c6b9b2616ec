import Foundation
import Testing
@testable import MLEngine

@Suite("AutoML: cost-frugal search across model families")
struct CostFrugalSearchTests {
    static let spaces = [
        SearchSpace(model: .gradientBoosting, dimensions: [
            SearchDimension(name: "max_iter", domain: .integer(low: 4, high: 1000, log: true), start: .int(4)),
            SearchDimension(name: "learning_rate", domain: .real(low: 0.01, high: 1, log: true), start: .double(0.1)),
        ]),
        SearchSpace(model: .decisionTree, dimensions: [
            SearchDimension(name: "max_depth", domain: .integer(low: 1, high: 30, log: false), start: .int(3)),
        ]),
    ]

    /// Boosting peaks at 0.95 (300 iterations, rate 0.05) and costs its iterations; a tree
    /// peaks at 0.85 (depth 8) and is cheap.
    static let surface: HyperparameterSearch.Objective = { request in
        switch request.model {
        case .gradientBoosting:
            let iterations = Double(request.parameters["max_iter"]?.intValue ?? 4)
            let rate = request.parameters["learning_rate"]?.doubleValue ?? 0.1
            let a = log(iterations / 300), b = log(rate / 0.05)
            return .success(TrialScore(mean: 0.95 - 0.01 * (a * a + b * b), std: 0, fits: 1, work: iterations))
        default:
            let depth = Double(request.parameters["max_depth"]?.intValue ?? 3)
            return .success(TrialScore(mean: 0.85 - 0.001 * (depth - 8) * (depth - 8), std: 0, fits: 1, work: 2))
        }
    }

    func run(trials: Int, seed: UInt64 = 5) -> SearchResult {
        HyperparameterSearch(strategy: .auto, spaces: Self.spaces, trials: trials, maximize: true, seed: seed).run(objective: Self.surface)
    }

    @Test("starts at the first family's low-cost point, tries both families, and finds the better one's top")
    func findsTheBetterFamily() throws {
        let result = run(trials: 60)
        #expect(result.trials.count == 60)
        #expect(result.trials[0].request.parameters["max_iter"] == .int(4))
        #expect(abs((result.trials[0].request.parameters["learning_rate"]?.doubleValue ?? 0) - 0.1) < 1e-12)
        #expect(result.trials.contains { $0.request.model == .decisionTree })
        let best = try #require(result.best)
        #expect(best.request.model == .gradientBoosting)
        #expect((best.score?.mean ?? 0) > 0.94)
    }

    @Test("the same seed makes the same choices")
    func reproducible() {
        #expect(run(trials: 40) == run(trials: 40))
    }

    @Test("a space with fewer settings than the budget stops once every setting is tried")
    func exhaustion() {
        let tiny = [SearchSpace(model: .decisionTree, dimensions: [
            SearchDimension(name: "max_depth", domain: .integer(low: 1, high: 3, log: false), start: .int(1)),
        ])]
        let result = HyperparameterSearch(strategy: .auto, spaces: tiny, trials: 20, maximize: true, seed: 1).run(objective: Self.surface)
        #expect(result.trials.count == 3)
        #expect(Set(result.trials.map { $0.request.parameters["max_depth"] }) == [.int(1), .int(2), .int(3)])
    }

    @Test("the local search moves towards a better point and shrinks its step when stuck")
    func localSearch() {
        let space = SearchSpace(model: .gradientBoosting, dimensions: [
            SearchDimension(name: "learning_rate", domain: .real(low: 0, high: 1, log: false)),
        ])
        var local = LocalSearch(space: space, start: [0.1], generator: SeededGenerator(seed: 2))
        var best = 1.0
        for _ in 0..<60 {
            guard let point = local.suggest() else { break }
            let loss = abs(point[0] - 0.8)
            best = min(best, loss)
            local.report(point: point, loss: loss)
        }
        #expect(best < 0.03)
    }
}
