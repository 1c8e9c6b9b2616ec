/// What the runs of a sweep measured: each run's value of each evaluated model and metric.
///
/// Columns are ordered for reading: the goal metric's first (one per model, models in the
/// order they were first evaluated), then each model's other metrics in display order.
/// A run that evaluated a model twice counts its last value; `nan` counts as not measured.
struct SweepMeasurements {
    /// One evaluated model and metric, e.g. `tree` `roc_auc`.
    struct Column: Equatable, Hashable {
        var model: String
        var metric: String
    }

    var columns: [Column]
    /// `values[run][column]`: `nil` when that run did not measure it.
    var values: [[Double?]]
    /// The indices of the runs that evaluated anything (a failed run may have evaluated nothing).
    var measuredRuns: [Int]

    init(runs: [SweepOutcome.Run], goalMetric: String?) {
        var models: [String] = []
        var metricsByModel: [String: Set<String>] = [:]
        for run in runs {
            for evaluation in run.outcome.evaluations {
                if !models.contains(evaluation.model) { models.append(evaluation.model) }
                metricsByModel[evaluation.model, default: []].formUnion(evaluation.metrics.keys)
            }
        }
        var columns: [Column] = []
        if let goalMetric {
            columns += models.filter { metricsByModel[$0]?.contains(goalMetric) == true }.map { Column(model: $0, metric: goalMetric) }
        }
        for model in models {
            let metrics = (metricsByModel[model] ?? []).filter { $0 != goalMetric }.sorted(by: Self.displayOrder)
            columns += metrics.map { Column(model: model, metric: $0) }
        }
        self.columns = columns
        values = runs.map { run in
            columns.map { column in
                let value = run.outcome.evaluations.last { $0.model == column.model && $0.metrics[column.metric] != nil }?
                    .metrics[column.metric]
                return value.flatMap { $0.isNaN ? nil : $0 }
            }
        }
        measuredRuns = runs.indices.filter { !runs[$0].outcome.evaluations.isEmpty }
    }

    /// Whether every run that evaluated anything measured `column` with one and the same value.
    /// With fewer than two such runs nothing counts as unchanged: there is nothing to compare.
    func isUnchanged(_ column: Int) -> Bool {
        guard measuredRuns.count >= 2, let first = values[measuredRuns[0]][column] else { return false }
        return measuredRuns.allSatisfy { values[$0][column] == first }
    }

    /// The models in the order of the columns, each once.
    var models: [String] {
        var models: [String] = []
        for column in columns where !models.contains(column.model) { models.append(column.model) }
        return models
    }

    /// Metrics in `MetricCatalog.scalar` order; names it does not list come after, alphabetically.
    private static func displayOrder(_ a: String, _ b: String) -> Bool {
        let catalog = MetricCatalog.scalar
        switch (catalog.firstIndex(of: a), catalog.firstIndex(of: b)) {
        case let (left?, right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }
}
