import Foundation

/// The differences between two runs, like `dvc params diff` and `dvc metrics diff`.
///
/// ```swift
/// print(RunComparison(old: first, new: second).render())
/// ```
public struct RunComparison: Sendable {
    /// One parameter in either run.
    public struct ParameterChange: Sendable, Equatable {
        public var name: String
        /// The old value; `nil` when the old run has no such parameter.
        public var old: String?
        /// The new value; `nil` when the new run has no such parameter.
        public var new: String?
    }

    /// One metric of a model on a dataset in either run.
    public struct MetricChange: Sendable, Equatable {
        public var model: String
        public var dataset: String
        public var metric: String
        public var old: Double?
        public var new: Double?
        /// `new - old` when both exist.
        public var change: Double? { old.flatMap { old in new.map { $0 - old } } }
    }

    public var old: RunRecord
    public var new: RunRecord
    /// Every parameter whose value differs, in the new run's order then the old run's.
    public var parameters: [ParameterChange]
    /// Every metric of either run, in the new run's order then the old run's.
    public var metrics: [MetricChange]

    /// Compares `old` with `new`.
    public init(old: RunRecord, new: RunRecord) {
        self.old = old
        self.new = new
        var names: [String] = []
        for parameter in new.parameters + old.parameters where !names.contains(parameter.name) { names.append(parameter.name) }
        parameters = names.compactMap { name in
            let before = old.parameters.last { $0.name == name }?.value
            let after = new.parameters.last { $0.name == name }?.value
            return before == after ? nil : ParameterChange(name: name, old: before, new: after)
        }
        var keys: [String] = []
        var changes: [String: MetricChange] = [:]
        func key(_ metric: RunMetric) -> String { "\(metric.model)\u{0}\(metric.dataset)\u{0}\(metric.metric)" }
        for metric in new.metrics + old.metrics where changes[key(metric)] == nil {
            keys.append(key(metric))
            changes[key(metric)] = MetricChange(model: metric.model, dataset: metric.dataset, metric: metric.metric, old: nil, new: nil)
        }
        for metric in old.metrics { changes[key(metric)]?.old = metric.value }
        for metric in new.metrics { changes[key(metric)]?.new = metric.value }
        metrics = keys.compactMap { changes[$0] }
    }

    /// The parameter and metric tables as text, e.g.
    ///
    /// ```
    /// Params (run 3 → run 5)
    /// name       old  new
    /// max_depth  6    12
    ///
    /// Metrics (run 3 → run 5)
    /// model  data         metric   old     new     change
    /// tree   census.test  roc_auc  0.8712  0.8790  +0.0078
    /// ```
    public func render() -> String {
        let title = "(run \(old.id.map(String.init) ?? "?") → run \(new.id.map(String.init) ?? "?"))"
        var sections: [String] = []
        if parameters.isEmpty {
            sections.append("Params \(title): no changes")
        } else {
            let table = TextTable(
                columns: ["name", "old", "new"],
                rows: parameters.map { [$0.name, $0.old ?? "—", $0.new ?? "—"] })
            sections.append("Params \(title)\n" + table.render())
        }
        if metrics.isEmpty {
            sections.append("Metrics \(title): none recorded")
        } else {
            let table = TextTable(
                columns: ["model", "data", "metric", "old", "new", "change"], rightAligned: [3, 4, 5],
                rows: metrics.map { change in
                    [
                        change.model, change.dataset, change.metric, Self.format(change.old), Self.format(change.new),
                        change.change.map(Self.signed) ?? "—",
                    ]
                })
            sections.append("Metrics \(title)\n" + table.render())
        }
        return sections.joined(separator: "\n\n")
    }

    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.4f", value)
    }

    static func signed(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%+.4f", value)
        return text == "-0.0000" || text == "+0.0000" ? "0.0000" : text
    }
}
