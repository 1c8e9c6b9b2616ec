import NotebookFormat

/// The best run of a sweep by the notebook's goal metric (front-matter `metric`).
///
/// A run's value is that of its best model on the metric (the first model on a tie);
/// the best run has the best such value (smaller for `MetricCatalog.lowerIsBetter`
/// metrics), the first in sweep order on a tie.
struct SweepBest: Equatable {
    /// The run's index in sweep order.
    var run: Int
    var model: String
    var value: Double
    /// How many other runs reach the same value.
    var ties: Int

    /// The best run; `nil` when no run measured `metric`.
    static func find(metric: String, in measurements: SweepMeasurements) -> SweepBest? {
        let columns = measurements.columns.indices.filter { measurements.columns[$0].metric == metric }
        let perRun: [(model: String, value: Double)?] = measurements.values.map { values in
            var best: (model: String, value: Double)?
            for column in columns {
                guard let value = values[column] else { continue }
                if best.map({ MetricCatalog.isBetter(value, than: $0.value, metric: metric) }) ?? true {
                    best = (measurements.columns[column].model, value)
                }
            }
            return best
        }
        var winner: SweepBest?
        for (run, candidate) in perRun.enumerated() {
            guard let candidate else { continue }
            if winner.map({ MetricCatalog.isBetter(candidate.value, than: $0.value, metric: metric) }) ?? true {
                winner = SweepBest(run: run, model: candidate.model, value: candidate.value, ties: 0)
            }
        }
        guard var winner else { return nil }
        winner.ties = perRun.enumerated().filter { $0.offset != winner.run && $0.element?.value == winner.value }.count
        return winner
    }
}
