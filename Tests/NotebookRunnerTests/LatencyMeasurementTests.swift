import MLEngine
import Testing
@testable import NotebookRunner

/// A clock that moves only when told to, so the tests count calls instead of timing them.
private final class FakeClock {
    var elapsed: Duration = .zero
}

@Suite("Latency measurement")
struct LatencyMeasurementTests {
    @Test("on a wide frame whose predictions are slow, measuring stops at the time budget")
    func wideFrameStopsAtBudget() {
        let frame = DataFrame(columns: (0..<1000).map { .numeric(NumericColumn(name: "c\($0)", values: Array(repeating: 1, count: 500))) })
        let clock = FakeClock()
        var measurement = LatencyMeasurement()
        measurement.now = { clock.elapsed }
        var prepared = 0
        var predictions = 0
        let latency = measurement.measure(
            rowCount: frame.rowCount,
            prepare: { index -> DataFrame in
                prepared += 1
                return frame.rows(at: [index])
            },
            predict: { row in
                #expect(row.columns.count == 1000)
                predictions += 1
                clock.elapsed += .milliseconds(20)  // a wide prediction is slow
            })
        // Warm-up: 0.05 s / 20 ms → 3 calls; timed calls until 0.25 s → 10 more.
        #expect(predictions == 13)
        #expect(prepared == predictions)
        #expect(latency?.samples == 10)
        #expect(abs((latency?.p50 ?? 0) - 0.02) < 1e-9)
        #expect(abs((latency?.p99 ?? 0) - 0.02) < 1e-9)
    }

    @Test("fast predictions stop at 200 timed calls after 20 warm-up calls")
    func fastPredictionsStopAtCallCount() {
        let clock = FakeClock()
        var measurement = LatencyMeasurement()
        measurement.now = { clock.elapsed }
        var predictions = 0
        let latency = measurement.measure(
            rowCount: 100_000, prepare: { $0 },
            predict: { _ in
                predictions += 1
                clock.elapsed += .microseconds(10)
            })
        #expect(predictions == 220)
        #expect(latency?.samples == 200)
    }

    @Test("one prediction slower than the whole budget still gives one sample")
    func slowPredictionGivesOneSample() {
        let clock = FakeClock()
        var measurement = LatencyMeasurement()
        measurement.now = { clock.elapsed }
        var predictions = 0
        let latency = measurement.measure(
            rowCount: 10, prepare: { $0 },
            predict: { _ in
                predictions += 1
                clock.elapsed += .seconds(1)
            })
        #expect(predictions == 2)  // one warm-up, one timed
        #expect(latency?.samples == 1)
        #expect(latency?.p99 == 1)
        #expect(measurement.measure(rowCount: 0, prepare: { $0 }, predict: { _ in }) == nil)
    }
}
