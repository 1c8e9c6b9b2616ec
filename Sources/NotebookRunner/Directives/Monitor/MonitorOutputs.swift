import MLEngine
import NotebookFormat
import Reports

/// Report outputs for `monitor`.
enum MonitorOutputs {
    /// `dataNotes` (``dataNotes(_:)``) follow the verdict.
    static func render(
        _ report: DriftReport, reference: String, current: String, rows: Int, policy: DriftPolicy, dataNotes: [Note] = []
    ) -> [ReportOutput] {
        let drifted = report.features.filter(\.drifted).count
        let verdict = report.datasetDrifted
            ? "Drift detected: \(drifted) of \(report.features.count) features drifted"
            : "No dataset drift: \(drifted) of \(report.features.count) features drifted"
        var highlighted = Set<CellPosition>()
        let columns = [
            TableColumn("feature"), TableColumn("type"), TableColumn("test"), TableColumn("statistic", alignment: .right),
            TableColumn("p-value", alignment: .right), TableColumn("effect size", alignment: .right),
            TableColumn("threshold", alignment: .right), TableColumn("PSI", alignment: .right), TableColumn("drifted"),
        ]
        let rowsOut: [[TableCell]] = report.features.enumerated().map { index, feature in
            let measurement = feature.measurement
            if feature.drifted {
                // The feature's name and its verdict stand out; the numbers stay plain.
                highlighted.insert(CellPosition(row: index, column: 0))
                highlighted.insert(CellPosition(row: index, column: columns.count - 1))
            }
            return [
                .text(feature.feature), .text(feature.type.rawValue), .text(measurement.test.displayName),
                number(measurement.statistic), measurement.pValue.map { .text(NumberFormat.pValue($0)) } ?? .missing,
                measurement.effectSize.map(number) ?? .missing,
                .text((measurement.test.givesPValue ? "p < " : "≥ ") + NumberFormat.compact(measurement.threshold)),
                number(feature.psi), .text(feature.drifted ? "yes" : "no"),
            ]
        }
        var table = Table(
            title: "Drift of `\(current)` (\(NumberFormat.integer(rows)) rows) against `\(reference)`",
            columns: columns, rows: rowsOut)
        table.highlightedCells = highlighted
        let chart = Chart(
            title: "Population stability index per feature",
            kind: .bars(report.features.map { Bar(label: $0.feature, value: $0.psi.isFinite ? $0.psi : 0) }),
            xLabel: "PSI", yLabel: nil)
        var outputs: [ReportOutput] = [
            .note(Note(
                level: report.datasetDrifted ? .warning : .info,
                verdict + " (\(NumberFormat.percent(report.driftedShare, decimals: 0))\(policy.featureWeights == nil ? "" : " of the model's importance"))."))
        ]
        outputs += dataNotes.map(ReportOutput.note)
        outputs += [.table(table), .chart(chart), .text(rule(policy))]
        outputs += MonitorCharts.render(report)
        if let findings = findings(report) { outputs.append(.table(findings)) }
        return outputs
    }

    /// What the current data was made of (a folder's files, a log's window) and what was wrong
    /// in it without stopping the comparison: values read as missing, log lines skipped.
    static func dataNotes(_ data: CurrentData, source: CurrentSource) -> [Note] {
        var notes: [Note] = []
        let names = data.files.map { "`\($0.path)`" }
        let listing = names.count <= 6 ? names.joined(separator: ", ") : names.prefix(6).joined(separator: ", ") + ", … and \(names.count - 6) more"
        switch source {
        case .file: break
        case .folder(let path):
            let noun = data.files.count == 1 ? "file" : "files"
            notes.append(Note(level: .info, "Current data: \(data.files.count) batch \(noun) in `\(path)`, in file-name order, read as one dataset (\(listing))."))
        case .log(let path, let last):
            let rows = data.frame.rowCount
            let window = last.map { last in
                rows < last ? "all \(NumberFormat.integer(rows)) rows (fewer than `last: \(last)`)" : "the newest \(NumberFormat.integer(last)) rows"
            } ?? "all \(NumberFormat.integer(rows)) rows"
            let others = data.otherModelLines == 0 ? ""
                : "; \(NumberFormat.integer(data.otherModelLines)) \(data.otherModelLines == 1 ? "prediction" : "predictions") of other models left out"
            notes.append(Note(level: .info, "Current data: \(window) of the prediction log in `\(path)` (\(listing)), oldest first\(others)."))
        }
        for bad in data.badValues {
            let numeric = data.frame.column(named: bad.column)?.isNumeric ?? true
            let what = bad.count == 1
                ? (numeric ? "value is not a number" : "value is not text") + " and was read as missing"
                : (numeric ? "values are not numbers" : "values are not text") + " and were read as missing"
            notes.append(Note(
                level: .warning,
                "`\(bad.column)`: \(NumberFormat.integer(bad.count)) \(what) (the first at `\(bad.location)`)."))
        }
        if data.skippedLines > 0, let first = data.firstSkipped {
            let what = data.skippedLines == 1 ? "line is not a prediction row and was" : "lines are not prediction rows and were"
            notes.append(Note(
                level: .warning,
                "\(NumberFormat.integer(data.skippedLines)) \(what) skipped (the first at `\(first.file):\(first.line)`: \(first.reason))."))
        }
        return notes
    }

    private static func number(_ value: Double) -> TableCell {
        value.isFinite ? .number(value, decimals: 4) : .missing
    }

    private static func rule(_ policy: DriftPolicy) -> String {
        let choice = policy.test.map { "Every feature is tested with \($0.displayName)" }
            ?? "Each feature's test follows Evidently's rule: with at most 1,000 reference values, K–S for a numeric feature with more than 5 distinct values, else chi-square (more than 2 values) or the z-test; with more, the Wasserstein distance normed by the reference's standard deviation, else Jensen–Shannon"
        let named = policy.tests.isEmpty ? "" : " (\(policy.tests.keys.sorted().map { "`\($0)`: \(policy.tests[$0]?.displayName ?? "")" }.joined(separator: ", ")) as asked)"
        return choice + named + ". A test with a p-value flags drift below its threshold, a distance at or above it; PSI (reference-quantile bins, a bin per point mass and one for missing values) is shown beside every test. The dataset drifts when at least \(NumberFormat.percent(policy.shareThreshold, decimals: 0)) of its features drift"
            + (policy.featureWeights == nil ? "." : ", each feature weighted by the model's importance of it (importance-weighted share).")
    }

    /// Changes the drift tests do not count: a missing share that moved (two-proportion
    /// z-test) and categories never seen in the reference.
    private static func findings(_ report: DriftReport) -> Table? {
        var rows: [[TableCell]] = []
        for feature in report.features {
            if let missing = feature.missing, missing.flagged {
                rows.append([
                    .text(feature.feature), .text("missing share changed"),
                    .text("\(NumberFormat.percent(missing.reference, decimals: 1)) → \(NumberFormat.percent(missing.current, decimals: 1)) (p \(NumberFormat.pValue(missing.pValue)))"),
                ])
            }
            if !feature.unseen.isEmpty {
                let shown = feature.unseen.prefix(5).map { "`\($0.category)` \(NumberFormat.percent($0.share, decimals: 1))" }
                let more = feature.unseen.count > 5 ? ", and \(feature.unseen.count - 5) more" : ""
                rows.append([
                    .text(feature.feature), .text("categories never seen in training"),
                    .text(shown.joined(separator: ", ") + more),
                ])
            }
        }
        guard !rows.isEmpty else { return nil }
        return Table(
            title: "Other changes in the current data",
            columns: [TableColumn("feature"), TableColumn("finding"), TableColumn("detail")], rows: rows)
    }
}
