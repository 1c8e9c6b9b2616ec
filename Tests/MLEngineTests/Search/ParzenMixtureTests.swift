import Foundation
import Testing
@testable import MLEngine

/// Optuna's Parzen estimator pieces, against values worked out from
/// `optuna/samplers/_tpe/parzen_estimator.py` and `sampler.py` (Optuna 5.1.0).
@Suite("Parzen estimator as Optuna builds it")
struct ParzenMixtureTests {
    @Test("default_weights: ones below 25 observations, then a ramp from 1/n for the oldest")
    func weights() {
        #expect(ParzenMixture.defaultWeights(3) == [1, 1, 1])
        let thirty = ParzenMixture.defaultWeights(30)
        #expect(thirty.count == 30)
        #expect(abs(thirty[0] - 1.0 / 30) < 1e-15)
        #expect(thirty[4] == 1 && thirty.suffix(25).allSatisfy { $0 == 1 })
        #expect(abs(thirty[1] - (1.0 / 30 + (1 - 1.0 / 30) / 4)) < 1e-15)
    }

    @Test("kernel widths: the larger neighbour gap, inner gaps at the ends, magic clip")
    func sigmas() {
        // Sorted with endpoints: 0, 0.2, 0.5, 0.9, 1 → widths 0.3, 0.4, 0.4; clip at 1/5.
        let sigmas = ParzenMixture.sigmas([0.9, 0.2, 0.5])
        #expect(zip(sigmas, [0.4, 0.3, 0.4]).allSatisfy { abs($0 - $1) < 1e-15 })
        // Two close points: widths clip up to 1 / (1 + 3).
        #expect(ParzenMixture.sigmas([0.5, 0.51]) == [0.25, 0.25])
    }

    @Test("gamma is min(ceil(0.1 n), 25)")
    func gamma() {
        #expect(TreeParzenEstimator.gamma(1) == 1)
        #expect(TreeParzenEstimator.gamma(10) == 1)
        #expect(TreeParzenEstimator.gamma(11) == 2)
        #expect(TreeParzenEstimator.gamma(1000) == 25)
    }

    @Test("the mixture's density integrates to one over the unit interval")
    func density() {
        let mixture = ParzenMixture(observations: [[0.1], [0.4], [0.8]], choiceCounts: [nil])
        let steps = 20_000
        var total = 0.0
        for index in 0..<steps {
            total += exp(mixture.logDensity([(Double(index) + 0.5) / Double(steps)])) / Double(steps)
        }
        #expect(abs(total - 1) < 1e-4)
    }

    @Test("a categorical axis puts 1 + prior/(n+1) on the observed choice, the prior row uniform")
    func categorical() {
        let mixture = ParzenMixture(observations: [[1], [1]], choiceCounts: [3])
        guard case .categorical(let rows) = mixture.axes[0] else {
            Issue.record("expected a categorical axis")
            return
        }
        let prior: Double = 1.0 / 3
        let expected: Double = (1 + prior) / (1 + 3 * prior)
        #expect(abs(rows[0][1] - expected) < 1e-15)
        let third: Double = 1.0 / 3
        #expect(rows[2] == [third, third, third])
        var generator = SeededGenerator(seed: 1)
        let draws = mixture.sample(3000, generator: &generator).map { Int($0[0]) }
        #expect(draws.filter { $0 == 1 }.count > 1500)
    }
}
