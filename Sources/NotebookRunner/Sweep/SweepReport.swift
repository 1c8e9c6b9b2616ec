import Foundation
import Reports

/// The comparison report of a sweep: one row per parameter set, one column per evaluated
/// model and metric, the best value of each metric column in bold, links to each run's report.
enum SweepReport {
    static func make(notebookPath: String, sweep: Sweep, runs: [SweepOutcome.Run]) -> Report {
        let table = comparison(sweep: sweep, runs: runs)
        var outputs: [ReportOutput] = [.table(table)]
        let failed = runs.filter { $0.outcome.exitCode != 0 }
        if !failed.isEmpty {
            let names = failed.map { "`\($0.reportName)` (exit \($0.outcome.exitCode))" }.joined(separator: ", ")
            outputs.append(.note(Note(level: .warning, "runs that did not succeed: \(names)")))
        }
        let source = "```sweep\n" + sweep.axes.map { "\($0.name): [\($0.values.joined(separator: ", "))]" }
            .joined(separator: "\n") + "\n```\n"
        let section = DirectiveSection(
            kind: "sweep", name: sweep.axes.map(\.name).joined(separator: ", "), source: source,
            location: notebookPath, status: .succeeded, outputs: outputs)
        let name = ((notebookPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return Report(
            title: "Sweep of \(name)", blocks: [.directive(section)],
            footer: ReportFooter(items: [
                FooterItem(label: "notebook", value: notebookPath),
                FooterItem(label: "runs", value: String(runs.count)),
            ]))
    }

    /// One row per run: the swept values, the exit code, each `model metric`, the report links.
    static func comparison(sweep: Sweep, runs: [SweepOutcome.Run]) -> Table {
        var metricColumns: [(model: String, metric: String)] = []
        for run in runs {
            for evaluation in run.outcome.evaluations {
                for metric in evaluation.metrics.keys.sorted()
                where !metricColumns.contains(where: { $0 == (evaluation.model, metric) }) {
                    metricColumns.append((evaluation.model, metric))
                }
            }
        }
        var columns = sweep.axes.map { TableColumn($0.name) }
        columns.append(TableColumn("exit", alignment: .right))
        columns += metricColumns.map { TableColumn("\($0.model) \($0.metric)", alignment: .right) }
        columns += [TableColumn("html"), TableColumn("md")]
        var rows: [[TableCell]] = []
        var values: [[Double?]] = []
        for run in runs {
            var row: [TableCell] = run.assignment.map { .text($0.value) }
            row.append(.integer(Int(run.outcome.exitCode)))
            let measured = metricColumns.map { column in
                run.outcome.evaluations.last(where: { $0.model == column.model && $0.metrics[column.metric] != nil })?
                    .metrics[column.metric]
            }.map { $0.flatMap { $0.isNaN ? nil : $0 } }
            row += measured.map { $0.map { TableCell.number($0, decimals: 4) } ?? .missing }
            row += [.link("report", url: run.reportName + ".html"), .link("report", url: run.reportName + ".md")]
            rows.append(row)
            values.append(measured)
        }
        var best: Set<CellPosition> = []
        for (index, column) in metricColumns.enumerated() {
            let candidates = values.enumerated().compactMap { row, measured in measured[index].map { (row, $0) } }
            let smaller = MetricCatalog.lowerIsBetter.contains(column.metric)
            guard let top = candidates.map(\.1).min(by: { smaller ? $0 < $1 : $0 > $1 }) else { continue }
            for (row, value) in candidates where value == top {
                best.insert(CellPosition(row: row, column: sweep.axes.count + 1 + index))
            }
        }
        return Table(title: "Runs of the sweep", columns: columns, rows: rows, highlightedCells: best)
    }
}
