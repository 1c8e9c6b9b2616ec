import Foundation
import Testing
@testable import MLEngine

/// Scoring whole batches (what a cluster executor does) finds exactly what scoring trials one
/// at a time finds, and the batches are the ones documented: a grid or random search at once,
/// a halving rung, two `tpe` trials, one `auto` trial.
@Suite("Hyperparameter search scored in batches")
struct BatchObjectiveTests {
    /// Records the size of every batch it is handed; scores each request with `objective`.
    final class BatchRecorder: @unchecked Sendable {
        private(set) var sizes: [Int] = []
        let objective: HyperparameterSearch.Objective

        init(_ objective: @escaping HyperparameterSearch.Objective) { self.objective = objective }

        func score(_ requests: [TrialRequest]) -> [Result<TrialScore, TrialFailure>] {
            sizes.append(requests.count)
            return requests.map(objective)
        }
    }

    func search(_ strategy: SearchStrategy, trials: Int) -> HyperparameterSearch {
        let spaces = strategy == .auto ? CostFrugalSearchTests.spaces : [SearchStrategyTests.space]
        return HyperparameterSearch(strategy: strategy, spaces: spaces, trials: trials, maximize: true, seed: 11, threads: 2)
    }

    func objective(_ strategy: SearchStrategy) -> HyperparameterSearch.Objective {
        strategy == .auto ? CostFrugalSearchTests.surface : SearchStrategyTests.bowl
    }

    @Test("every strategy finds the same trials and winner scored in batches", arguments: SearchStrategy.allCases)
    func sameResult(strategy: SearchStrategy) {
        let recorder = BatchRecorder(objective(strategy))
        let batched = search(strategy, trials: 24).run(batches: recorder.score)
        let each = search(strategy, trials: 24).run(objective: objective(strategy))
        #expect(batched == each)
        #expect(batched.trials.count == 24)
        #expect(recorder.sizes.reduce(0, +) == 24)
    }

    @Test("the batches: the whole of a random search, halving rungs, tpe pairs, auto one by one")
    func batchSizes() {
        for (strategy, expected) in [(SearchStrategy.random, [13]), (.halving, SuccessiveHalving.schedule(trials: 13, factor: 3))] {
            let recorder = BatchRecorder(objective(strategy))
            _ = search(strategy, trials: 13).run(batches: recorder.score)
            #expect(recorder.sizes == expected, "\(strategy)")
        }
        let pairs = BatchRecorder(objective(.tpe))
        _ = search(.tpe, trials: 13).run(batches: pairs.score)
        #expect(pairs.sizes == [2, 2, 2, 2, 2, 2, 1])
        let single = BatchRecorder(objective(.auto))
        _ = search(.auto, trials: 13).run(batches: single.score)
        #expect(single.sizes == Array(repeating: 1, count: 13))
    }

    @Test("a batch scorer that loses results leaves those trials failed, never dropped")
    func lostResults() {
        let result = search(.random, trials: 5).run(batches: { requests in requests.prefix(3).map(SearchStrategyTests.bowl) })
        #expect(result.trials.count == 5)
        #expect(result.trials.suffix(2).allSatisfy { $0.score == nil })
        #expect(result.best.map { $0.request.index < 3 } == true)
    }
}
