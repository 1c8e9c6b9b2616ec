import Foundation
import NotebookFormat
import Reports

/// The comparison report of a sweep.
///
/// It names the best run by the notebook's goal metric (front-matter `metric`, with whether
/// it meets `goal`), then shows one row per parameter set with one column per evaluated
/// model and metric whose value differs between runs — the goal metric's first — the best
/// value of each such column in bold, and links to each run's reports. Columns that are
/// the same in every run are summarised in one line under the table. A bar chart shows the
/// goal metric of each run (of each model whose value changes).
enum SweepReport {
    /// What the notebook's front matter says success is: `metric: roc_auc`, `goal: ">= 0.80"`.
    struct Goal: Equatable {
        var metric: String?
        var target: String?
    }

    static func make(notebookPath: String, sweep: Sweep, runs: [SweepOutcome.Run], goal: Goal = Goal()) -> Report {
        let measurements = SweepMeasurements(runs: runs, goalMetric: goal.metric)
        let best = goal.metric.flatMap { SweepBest.find(metric: $0, in: measurements) }
        var outputs: [ReportOutput] = [bestLine(best, goal: goal, runs: runs)]
        outputs.append(.table(comparison(sweep: sweep, runs: runs, measurements: measurements)))
        if let unchanged = unchangedLine(measurements) { outputs.append(.text(unchanged)) }
        if let metric = goal.metric, let chart = chart(metric: metric, sweep: sweep, runs: runs, measurements: measurements) {
            outputs.append(.chart(chart))
        }
        let failed = runs.filter { $0.outcome.exitCode != 0 }
        if !failed.isEmpty {
            let names = failed.map { run in
                "`\(run.reportName)` (exit \(run.outcome.exitCode)\(run.failure.map { ": \($0)" } ?? ""))"
            }.joined(separator: ", ")
            outputs.append(.note(Note(level: .warning, "runs that did not succeed: \(names)")))
        }
        let source = "```sweep\n" + sweep.axes.map { "\($0.name): [\($0.values.joined(separator: ", "))]" }
            .joined(separator: "\n") + "\n```\n"
        let section = DirectiveSection(
            kind: "sweep", name: sweep.axes.map(\.name).joined(separator: ", "), source: source,
            location: notebookPath, status: .succeeded, outputs: outputs)
        let name = ((notebookPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return Report(
            title: "Sweep of \(name)", goal: goalStatus(best, goal: goal, runs: runs), blocks: [.directive(section)],
            footer: ReportFooter(items: [
                FooterItem(label: "notebook", value: notebookPath),
                FooterItem(label: "runs", value: String(runs.count)),
            ]))
    }

    /// `Best: income--max_depth=12 — tree roc_auc 0.8431 (goal >= 0.80 met)`, linked to the run's reports.
    static func bestLine(_ best: SweepBest?, goal: Goal, runs: [SweepOutcome.Run]) -> ReportOutput {
        guard let metric = goal.metric else {
            return .text("No best run is named: the notebook's front matter sets no `metric`.")
        }
        guard let best else { return .text("No best run is named: no run measured `\(metric)`.") }
        let name = runs[best.run].reportName
        var detail = "\(best.model) \(metric) \(NumberFormat.fixed(best.value, decimals: 4))"
        if let target = goal.target, let expression = GoalExpression(target) {
            detail += " (goal \(target.trimmingCharacters(in: .whitespaces)) \(expression.isMet(by: best.value) ? "met" : "not met"))"
        }
        if best.ties > 0 { detail += "; tied by \(best.ties) later run\(best.ties == 1 ? "" : "s")" }
        return .finding(Finding(label: "Best", subject: name, link: name + ".html", markdownLink: name + ".md", detail: detail))
    }

    /// The header's goal line: the best run's value against `goal`, when the notebook sets one.
    static func goalStatus(_ best: SweepBest?, goal: Goal, runs: [SweepOutcome.Run]) -> GoalStatus? {
        guard let metric = goal.metric, let target = goal.target else { return nil }
        guard let best else { return GoalStatus(metric: metric, target: target) }
        return GoalStatus(
            metric: metric, target: target,
            achieved: "\(NumberFormat.fixed(best.value, decimals: 4)) (\(best.model), \(runs[best.run].reportName))",
            met: GoalExpression(target)?.isMet(by: best.value))
    }

    /// One row per run: the swept values, the exit code, each changing `model metric`, the report links.
    static func comparison(sweep: Sweep, runs: [SweepOutcome.Run], measurements: SweepMeasurements) -> Table {
        let shown = measurements.columns.indices.filter { !measurements.isUnchanged($0) }
        var columns = sweep.axes.map { TableColumn($0.name) }
        columns.append(TableColumn("exit", alignment: .right))
        columns += shown.map { TableColumn("\(measurements.columns[$0].model) \(measurements.columns[$0].metric)", alignment: .right) }
        columns += [TableColumn("html"), TableColumn("md")]
        let rows: [[TableCell]] = runs.enumerated().map { index, run in
            var row: [TableCell] = run.assignment.map { .text($0.value) }
            row.append(.integer(Int(run.outcome.exitCode)))
            row += shown.map { column in measurements.values[index][column].map { .number($0, decimals: 4) } ?? .missing }
            return row + [.link("report", url: run.reportName + ".html"), .link("report", url: run.reportName + ".md")]
        }
        var best: Set<CellPosition> = []
        for (position, column) in shown.enumerated() {
            let metric = measurements.columns[column].metric
            let candidates = measurements.values.enumerated().compactMap { run, values in values[column].map { (run, $0) } }
            // Bold only where runs differ: a column that changes only by a missing value has no best.
            guard Set(candidates.map(\.1)).count > 1,
                let top = candidates.map(\.1).min(by: { MetricCatalog.isBetter($0, than: $1, metric: metric) })
            else { continue }
            for (run, value) in candidates where value == top {
                best.insert(CellPosition(row: run, column: sweep.axes.count + 1 + position))
            }
        }
        return Table(title: "Runs of the sweep", columns: columns, rows: rows, highlightedCells: best)
    }

    /// `Unchanged in every run: `logistic` (all metrics); `tree` accuracy 0.8400`; `nil` when everything changed.
    static func unchangedLine(_ measurements: SweepMeasurements) -> String? {
        var parts: [String] = []
        for model in measurements.models {
            let own = measurements.columns.indices.filter { measurements.columns[$0].model == model }
            let unchanged = own.filter(measurements.isUnchanged)
            guard !unchanged.isEmpty else { continue }
            if unchanged.count == own.count {
                parts.append("`\(model)` (all metrics)")
            } else {
                let values = unchanged.map { column in
                    let value = measurements.values[measurements.measuredRuns[0]][column] ?? .nan
                    return "\(measurements.columns[column].metric) \(NumberFormat.fixed(value, decimals: 4))"
                }
                parts.append("`\(model)` " + values.joined(separator: ", "))
            }
        }
        return parts.isEmpty ? nil : "Unchanged in every run: " + parts.joined(separator: "; ") + "."
    }

    /// Bars of the goal metric per run, one per run and changing model (labelled by its swept values).
    static func chart(metric: String, sweep: Sweep, runs: [SweepOutcome.Run], measurements: SweepMeasurements) -> Chart? {
        let changing = measurements.columns.indices.filter {
            measurements.columns[$0].metric == metric && !measurements.isUnchanged($0)
        }
        guard let only = changing.first else { return nil }
        var bars: [Bar] = []
        for (index, run) in runs.enumerated() {
            let label = run.assignment.map(\.value).joined(separator: ", ")
            for column in changing {
                guard let value = measurements.values[index][column] else { continue }
                bars.append(Bar(label: changing.count == 1 ? label : "\(label) · \(measurements.columns[column].model)", value: value))
            }
        }
        guard !bars.isEmpty else { return nil }
        let title = changing.count == 1 ? "`\(metric)` of `\(measurements.columns[only].model)` by run" : "`\(metric)` by run and model"
        return Chart(title: title, kind: .bars(bars), xLabel: metric, yLabel: sweep.axes.map(\.name).joined(separator: ", "))
    }
}
