import CoreMetrics
import Prometheus
import Synchronization

/// The server's metrics, recorded through swift-metrics into its own Prometheus registry
/// (never the global `MetricsSystem`, so servers built in tests do not collide):
/// - `labbook_requests_total{route, status}`
/// - `labbook_request_duration_seconds{route}` (a histogram)
/// - `labbook_predictions_total{model, class}`
/// - `labbook_rows_rejected_total{reason}`
final class ServingMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[String: CoreMetrics.Timer]>([:])

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100), .seconds(1),
        ]
        self.factory = factory
    }

    /// One request answered on `route` with `status`, taking `nanoseconds`.
    func request(route: String, status: Int, nanoseconds: Int64) {
        counter("labbook_requests_total", [("route", route), ("status", String(status))]).increment()
        let key = route
        let timer = timers.withLock { timers in
            if let timer = timers[key] { return timer }
            let timer = CoreMetrics.Timer(label: "labbook_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            timers[key] = timer
            return timer
        }
        timer.recordNanoseconds(nanoseconds)
    }

    /// `count` rows of `model` predicted as `label`.
    func predicted(model: String, label: String, count: Int) {
        counter("labbook_predictions_total", [("model", model), ("class", label)]).increment(by: count)
    }

    /// A row rejected for `reason`.
    func rejected(reason: String) {
        counter("labbook_rows_rejected_total", [("reason", reason)]).increment()
    }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        var key = label
        for (name, value) in dimensions {
            key += "\u{1}" + name + "=" + value
        }
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
    }
}
