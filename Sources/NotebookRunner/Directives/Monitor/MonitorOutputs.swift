import MLEngine
import NotebookFormat
import Reports

/// Report outputs for `monitor`.
enum MonitorOutputs {
    static func render(
        _ report: DriftReport, reference: String, current: String, rows: Int,
        thresholds: (psi: Double, pValue: Double, share: Double)
    ) -> [ReportOutput] {
        let drifted = report.features.filter(\.drifted).count
        let verdict = report.datasetDrifted
            ? "Drift detected: \(drifted) of \(report.features.count) features drifted"
            : "No dataset drift: \(drifted) of \(report.features.count) features drifted"
        let table = Table(
            title: "Drift of `\(current)` (\(NumberFormat.integer(rows)) rows) against `\(reference)`",
            columns: [
                TableColumn("feature"), TableColumn("type"), TableColumn("PSI", alignment: .right),
                TableColumn("KS", alignment: .right), TableColumn("KS p-value", alignment: .right), TableColumn("drifted"),
            ],
            rows: report.features.map { feature in
                [
                    .text(feature.feature), .text(feature.type.rawValue), .number(feature.psi, decimals: 4),
                    feature.ks.map { .number($0, decimals: 4) } ?? .missing,
                    feature.ksPValue.map { .text(NumberFormat.pValue($0)) } ?? .missing,
                    .text(feature.drifted ? "yes" : "no"),
                ]
            })
        let chart = Chart(
            title: "Population stability index per feature",
            kind: .bars(report.features.map { Bar(label: $0.feature, value: $0.psi) }), xLabel: "PSI", yLabel: nil)
        let rule = "A feature drifts when PSI ≥ \(NumberFormat.compact(thresholds.psi)), or, for numeric features, when the KS test gives p < \(NumberFormat.compact(thresholds.pValue)) with a KS statistic ≥ 0.1; the dataset drifts when at least \(NumberFormat.percent(thresholds.share, decimals: 0)) of its features drift."
        var outputs: [ReportOutput] = [
            .note(Note(level: report.datasetDrifted ? .warning : .info, verdict + " (\(NumberFormat.percent(report.driftedShare, decimals: 0))).")),
            .table(table), .chart(chart), .text(rule),
        ]
        if let findings = findings(report) { outputs.append(.table(findings)) }
        return outputs
    }

    /// Changes the drift rule does not count: a missing share that moved (two-proportion
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
