/// Times single-row predictions within a bound, so that measuring latency never dominates a
/// run: at most `maxCalls` timed calls (after up to `warmUpCalls` untimed ones), and no new
/// call once `budget` of measuring has passed. At least one call is always timed.
///
/// On a 1,000-column frame one prediction can take tens of milliseconds; the time budget
/// then stops measuring after about 0.25 s while the samples still give p50 and p99.
struct LatencyMeasurement {
    /// Untimed calls made first (they also count against the budget).
    var warmUpCalls = 20
    /// The most timed calls.
    var maxCalls = 200
    /// Measuring stops once this much time has passed since it began.
    var budget: Duration = .milliseconds(250)
    /// The time since an arbitrary fixed point; a test may pass a fake clock.
    var now: () -> Duration = {
        let instant = ContinuousClock.now
        return instant - LatencyMeasurement.origin
    }

    private static let origin = ContinuousClock.now

    /// Calls `predict(prepare(row))` for rows spread evenly over `0..<rowCount`, timing only
    /// `predict`; `nil` for no rows.
    func measure<Input>(
        rowCount: Int, prepare: (Int) throws -> Input, predict: (Input) throws -> Void
    ) rethrows -> ModelEvaluation.Latency? {
        guard rowCount > 0, maxCalls > 0 else { return nil }
        let count = min(maxCalls, rowCount)
        func row(_ index: Int) -> Int { index * rowCount / count }
        let start = now()
        // Warm-up spends at most a fifth of the budget.
        for index in 0..<min(warmUpCalls, count) {
            if now() - start >= budget / 5 { break }
            try predict(prepare(row(index)))
        }
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for index in 0..<count {
            if !samples.isEmpty, now() - start >= budget { break }
            let input = try prepare(row(index))
            let began = now()
            try predict(input)
            samples.append(Duration.seconds(now() - began))
        }
        samples.sort()
        func quantile(_ q: Double) -> Double { samples[min(samples.count - 1, Int((Double(samples.count - 1) * q).rounded()))] }
        return ModelEvaluation.Latency(p50: quantile(0.5), p99: quantile(0.99), samples: samples.count)
    }
}
