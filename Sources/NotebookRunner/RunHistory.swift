import Foundation
import Reports
import RunStorage

/// Builds the HTML report's "History" section from earlier runs in the run store.
///
/// With a front-matter `metric`, it shows that metric for every model; without one, every
/// metric (but `log_loss`) of this run's best model by `roc_auc`. Runs are labelled by
/// their number in the store, never by date. The last `limit` runs are shown, this one last.
enum RunHistory {
    static let limit = 20

    static func section(previous: [RunRecord], current: [RunMetric], currentID: Int64?, keyMetric: String?) -> ReportHistory? {
        guard !previous.isEmpty else { return nil }
        let earlier = Array(previous.filter { run in currentID.map { id in (run.id ?? 0) < id } ?? true }.suffix(limit - 1))
        guard !earlier.isEmpty else { return nil }
        let runs: [(id: Int64, metrics: [RunMetric], isCurrent: Bool)] =
            earlier.map { ($0.id ?? 0, $0.metrics, false) } + [(currentID ?? 0, current, true)]
        let lines: [(name: String, model: String, metric: String)]
        let summary: String
        if let keyMetric {
            var models: [String] = []
            for metric in current + earlier.reversed().flatMap(\.metrics) where metric.metric == keyMetric && !models.contains(metric.model) {
                models.append(metric.model)
            }
            lines = models.map { ($0, $0, keyMetric) }
            summary = "`\(keyMetric)` of each model over the last \(runs.count) runs of this notebook, by run number in the run store (this run is \(label(currentID)))."
        } else {
            guard let best = bestModel(current) else { return nil }
            var names: [String] = []
            for metric in current where metric.model == best && metric.metric != "log_loss" && !names.contains(metric.metric) {
                names.append(metric.metric)
            }
            lines = names.map { ($0, best, $0) }
            summary = "Every metric of `\(best)`, this run's best model, over the last \(runs.count) runs of this notebook, by run number in the run store (this run is \(label(currentID)))."
        }
        guard !lines.isEmpty else { return nil }
        func value(_ line: (name: String, model: String, metric: String), in metrics: [RunMetric]) -> Double? {
            metrics.first { $0.model == line.model && $0.metric == line.metric }?.value
        }
        let series = lines.map { line in
            Series(
                name: line.name,
                points: runs.compactMap { run in value(line, in: run.metrics).map { Point(x: Double(run.id), y: $0) } })
        }
        let table = Table(
            title: nil,
            columns: [TableColumn("run", alignment: .right)] + lines.map { TableColumn($0.name, alignment: .right) },
            rows: runs.map { run in
                [.text(run.isCurrent ? "\(label(run.id)) (this run)" : label(run.id))]
                    + lines.map { line in value(line, in: run.metrics).map { .number($0, decimals: 4) } ?? .missing }
            },
            highlightedRow: runs.count - 1)
        let metricName = keyMetric ?? "value"
        let chart = Chart(title: keyMetric.map { "`\($0)` by run" } ?? "Metrics by run", kind: .lines(series), xLabel: "run", yLabel: metricName)
        return ReportHistory(summary: summary, chart: chart, table: table)
    }

    static func label(_ id: Int64?) -> String { id.map { "#\($0)" } ?? "#?" }

    /// The model with the highest `roc_auc`, else the highest `accuracy`, else the first evaluated.
    static func bestModel(_ metrics: [RunMetric]) -> String? {
        for name in ["roc_auc", "accuracy"] {
            if let best = metrics.filter({ $0.metric == name }).max(by: { $0.value < $1.value }) { return best.model }
        }
        return metrics.first?.model
    }
}
