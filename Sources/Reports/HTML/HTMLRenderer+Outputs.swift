extension HTMLRenderer {
    /// The HTML of one directive output.
    static func output(_ output: ReportOutput) -> [String] {
        switch output {
        case .table(let table): tableElement(table)
        case .chart(let chart): chartElement(chart)
        case .metrics(let group): metricsElement(group)
        case .text(let value): paragraphs(value)
        case .note(let note): noteElement(note)
        case .finding(let finding): findingElement(finding)
        }
    }

    /// `<p>` with the label in bold, the subject as linked code, then the detail.
    private static func findingElement(_ finding: Finding) -> [String] {
        var subject = "<code>\(text(finding.subject))</code>"
        if let link = finding.link { subject = "<a href=\"\(text(link))\">\(subject)</a>" }
        var line = "<p class=\"text finding\"><strong>\(text(finding.label)):</strong> " + subject
        let detail = _MarkdownText.singleLine(finding.detail)
        if !detail.isEmpty { line += " — " + _InlineCode(detail).html }
        return [line + "</p>"]
    }

    /// A callout box; a multi-line message is kept in a `<pre>` so its layout survives.
    static func callout(kind: String, label: String, message: String, alert: Bool) -> [String] {
        let role = alert ? "alert" : "note"
        let content = message.trimmingBlankLines()
        if content.contains("\n") {
            let body = content.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingTrailingWhitespace() }.joined(separator: "\n")
            return [
                "<div class=\"callout \(kind)\" role=\"\(role)\">",
                "<p><strong>\(label):</strong></p>",
                "<pre>\(text(body))</pre>",
                "</div>",
            ]
        }
        return ["<div class=\"callout \(kind)\" role=\"\(role)\"><strong>\(label):</strong> \(_InlineCode(content).html)</div>"]
    }

    private static func tableElement(_ table: Table) -> [String] {
        var lines = ["<div class=\"table-wrap\">", "<table>"]
        if let title = table.title, !title.isEmpty { lines.append("<caption>\(_InlineCode(title).html)</caption>") }
        lines.append("<thead>")
        lines.append(
            "<tr>" + table.columns.map { "<th scope=\"col\"\(alignClass($0.alignment))>\(text($0.name))</th>" }.joined()
                + "</tr>")
        lines.append("</thead>")
        lines.append("<tbody>")
        for (index, row) in table.rows.enumerated() {
            let highlighted = index == table.highlightedRow
            let cells = table.columns.enumerated().map { column, spec -> String in
                let value = column < row.count ? row[column] : nil
                let missing = value == .missing ? " missing" : ""
                let classes = (spec.alignment == .right ? "num" : "") + missing
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.trimmingWhitespace())\""
                var content = text(value?.formatted ?? "")
                if case .link(_, let url)? = value { content = "<a href=\"\(text(url))\">\(content)</a>" }
                if table.highlightedCells.contains(CellPosition(row: index, column: column)) { content = "<strong>\(content)</strong>" }
                return "<td\(attribute)>\(content)</td>"
            }.joined()
            lines.append((highlighted ? "<tr class=\"highlight\">" : "<tr>") + cells + "</tr>")
        }
        lines += ["</tbody>", "</table>", "</div>"]
        return lines
    }

    private static func metricsElement(_ group: MetricGroup) -> [String] {
        let withGoals = group.metrics.contains { $0.goal != nil || $0.passed != nil }
        var lines = ["<div class=\"table-wrap\">", "<table class=\"metrics\">"]
        if let title = group.title, !title.isEmpty { lines.append("<caption>\(_InlineCode(title).html)</caption>") }
        var header = "<tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Value</th>"
        if withGoals { header += "<th scope=\"col\">Goal</th><th scope=\"col\">Result</th>" }
        lines += ["<thead>", header + "</tr>", "</thead>", "<tbody>"]
        for metric in group.metrics {
            var row = "<tr><th scope=\"row\">\(text(metric.name))</th>"
            row += "<td class=\"num\">\(NumberFormat.fixed(metric.value, decimals: metric.decimals))</td>"
            if withGoals {
                row += "<td>\(text(metric.goal ?? NumberFormat.missing))</td>"
                switch metric.passed {
                case true?: row += "<td><span class=\"badge ok\">✓ pass</span></td>"
                case false?: row += "<td><span class=\"badge failed\">✗ fail</span></td>"
                case nil: row += "<td></td>"
                }
            }
            lines.append(row + "</tr>")
        }
        lines += ["</tbody>", "</table>", "</div>"]
        return lines
    }

    private static func chartElement(_ chart: Chart) -> [String] {
        [
            "<figure class=\"chart\">",
            "<figcaption>\(_InlineCode(chart.title).html)</figcaption>",
            String(SVGChart.render(chart).dropLast()),
            "</figure>",
        ]
    }

    private static func paragraphs(_ value: String) -> [String] {
        var paragraphs: [[String]] = [[]]
        for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(_InlineCode(trimmed).html)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { "<p class=\"text\">" + $0.joined(separator: "<br>\n") + "</p>" }
    }

    private static func noteElement(_ note: Note) -> [String] {
        switch note.level {
        case .info: callout(kind: "info", label: "Note", message: note.message, alert: false)
        case .warning: callout(kind: "warning", label: "Warning", message: note.message, alert: false)
        case .error: callout(kind: "error", label: "Error", message: note.message, alert: true)
        }
    }

    private static func alignClass(_ alignment: TableColumn.Alignment) -> String {
        alignment == .right ? " class=\"num\"" : ""
    }
}
