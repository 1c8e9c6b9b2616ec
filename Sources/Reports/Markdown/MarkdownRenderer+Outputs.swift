extension MarkdownRenderer {
    /// The Markdown blocks of one directive output.
    static func outputBlocks(_ output: ReportOutput) -> [String] {
        switch output {
        case .table(let table):
            return titled(table.title, table: tableLines(table))
        case .chart(let chart):
            return titled(chart.title, table: fenced(TextChart.body(chart, width: 60, ascii: false), info: "text"))
        case .metrics(let group):
            return titled(group.title, table: metricLines(group))
        case .text(let text):
            return paragraphs(text)
        case .note(let note):
            return [callout(label: label(note.level), message: note.message)]
        case .finding(let finding):
            return [findingLine(finding)]
        }
    }

    /// `**Best:** [`subject`](link) — detail`.
    private static func findingLine(_ finding: Finding) -> String {
        var subject = _InlineCode.codeSpan(finding.subject)
        if let link = finding.markdownLink { subject = "[" + subject + "](" + linkTarget(link) + ")" }
        var line = "**" + _MarkdownText.inline(finding.label) + ":** " + subject
        let detail = _InlineCode(_MarkdownText.singleLine(finding.detail)).markdown
        if !detail.isEmpty { line += " — " + detail }
        return line
    }

    private static func titled(_ title: String?, table: String) -> [String] {
        guard let title, !title.isEmpty else { return [table] }
        return ["**" + _InlineCode(title).markdown + "**", table]
    }

    private static func tableLines(_ table: Table) -> String {
        guard !table.columns.isEmpty else { return "*(empty table)*" }
        let header = table.columns.map { _MarkdownText.tableCell($0.name) }
        let rows = table.rows.enumerated().map { index, row in
            table.columns.indices.map { column -> String in
                var text = column < row.count ? _MarkdownText.tableCell(row[column].formatted) : ""
                if column < row.count, case .link(_, let url) = row[column] { text = "[\(text)](\(linkTarget(url)))" }
                let highlighted = index == table.highlightedRow || table.highlightedCells.contains(CellPosition(row: index, column: column))
                return highlighted && !text.isEmpty ? "**" + text + "**" : text
            }
        }
        return gfmTable(header: header, alignments: table.columns.map(\.alignment), rows: rows)
    }

    /// A link destination that survives Markdown: spaces, parentheses and angle brackets percent-encoded.
    static func linkTarget(_ url: String) -> String {
        var encoded = ""
        for character in url {
            switch character {
            case " ": encoded += "%20"
            case "(": encoded += "%28"
            case ")": encoded += "%29"
            case "<": encoded += "%3C"
            case ">": encoded += "%3E"
            case "|": encoded += "%7C"
            default: encoded.append(character)
            }
        }
        return encoded
    }

    private static func metricLines(_ group: MetricGroup) -> String {
        let withGoals = group.metrics.contains { $0.goal != nil || $0.passed != nil }
        var header = ["metric", "value"]
        var alignments: [TableColumn.Alignment] = [.left, .right]
        if withGoals {
            header += ["goal", "result"]
            alignments += [.left, .left]
        }
        let rows = group.metrics.map { metric in
            var row = [
                _MarkdownText.tableCell(metric.name),
                NumberFormat.fixed(metric.value, decimals: metric.decimals),
            ]
            if withGoals {
                row.append(metric.goal.map(_MarkdownText.tableCell) ?? NumberFormat.missing)
                row.append(metric.passed.map { $0 ? "✓" : "✗" } ?? "")
            }
            return row
        }
        return gfmTable(header: header, alignments: alignments, rows: rows)
    }

    private static func gfmTable(header: [String], alignments: [TableColumn.Alignment], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.joined(separator: " | ") + " |"
        }
        let delimiter = "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined()
        return ([line(header), delimiter] + rows.map(line)).joined(separator: "\n")
    }

    private static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [[String]] = [[]]
        for line in _MarkdownText.lines(text, code: true) {
            if line.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
    }

    private static func label(_ level: Note.Level) -> String {
        switch level {
        case .info: "Note"
        case .warning: "Warning"
        case .error: "Error"
        }
    }
}
