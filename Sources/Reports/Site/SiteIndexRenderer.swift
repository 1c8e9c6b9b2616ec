/// Renders a `SiteIndex` as the site's `index.html` (self-contained: inline CSS and SVG,
/// nothing fetched) and `index.md` (a GitHub-flavoured table).
///
/// Both are pure functions of the index: no dates, no absolute paths, so the same reports
/// and run store give byte-identical pages. Every text is escaped.
public enum SiteIndexRenderer {
    /// The HTML page.
    public static func html(_ index: SiteIndex) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"color-scheme\" content=\"light dark\">",
            "<title>\(HTML.escape(index.title))</title>",
            "<style>",
            _HTMLStyle.css,
            css,
            "</style>",
            "</head>",
            "<body>",
            "<main class=\"report site-index\">",
            "<header class=\"report-header\">",
            "<h1>\(HTML.escape(index.title))</h1>",
            "<p class=\"question\">\(count(index.entries.count)), each as its latest run left it.</p>",
            "</header>",
        ]
        if !index.entries.isEmpty {
            lines += [
                "<div class=\"table-wrap\">",
                "<table>",
                "<thead><tr><th>notebook</th><th>key metric</th><th>goal</th><th>history</th><th>directives</th><th>files</th></tr></thead>",
                "<tbody>",
            ]
            lines += index.entries.map(row)
            lines += ["</tbody>", "</table>", "</div>"]
        }
        lines += ["</main>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown page.
    public static func markdown(_ index: SiteIndex) -> String {
        var lines = ["# \(_MarkdownText.heading(index.title))", "", "\(count(index.entries.count)), each as its latest run left it.", ""]
        if !index.entries.isEmpty {
            lines += ["| notebook | key metric | goal | history | directives | files |", "| --- | ---: | --- | --- | --- | --- |"]
            for entry in index.entries {
                let title = entry.files.first.map { "[\(cell(entry.title))](\(link($0.link ?? $0.value)))" } ?? cell(entry.title)
                let files = entry.files.map { "[\(cell($0.label))](\(link($0.link ?? $0.value)))" }.joined(separator: " · ")
                let history = entry.history.count > 1 ? _Sparkline(points: entry.history, metric: "").text() : "—"
                let cells = [
                    "\(title)<br>\(cell(entry.notebookPath))", keyMetric(entry.keyMetric).map(cell) ?? "—", goalText(entry.goal).map(cell) ?? "—",
                    history, cell(directivesText(entry.directives)), files,
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ entry: SiteEntry) -> String {
        let title = entry.files.first.map { "<a href=\"\(HTML.escape($0.link ?? $0.value))\">\(HTML.escape(entry.title))</a>" }
            ?? HTML.escape(entry.title)
        let metric = entry.keyMetric.map { key in
            "<strong>\(NumberFormat.fixed(key.value, decimals: 4))</strong><br><span class=\"muted\">\(HTML.escape(key.metric)) · \(HTML.escape(key.model))</span>"
        } ?? "—"
        var goal = "—"
        if let status = entry.goal {
            goal = status.target.isEmpty ? HTML.escape(status.metric) : "\(HTML.escape(status.metric)) \(HTML.escape(status.target))"
            switch status.met {
            case true?: goal += " <span class=\"badge ok\">✓ met</span>"
            case false?: goal += " <span class=\"badge failed\">✗ not met</span>"
            case nil: if !status.target.isEmpty { goal += " <span class=\"badge skipped\">– not measured</span>" }
            }
        }
        let history = entry.history.isEmpty
            ? "—" : _Sparkline(points: entry.history, metric: entry.keyMetric?.metric ?? "value").svg()
                + "<span class=\"runs\">\(entry.history.count == 1 ? "1 run" : "\(entry.history.count) runs")</span>"
        var directives = HTML.escape(directivesText(entry.directives))
        if entry.exitCode != 0 { directives += " <span class=\"badge failed\">exit \(entry.exitCode)</span>" }
        let files = entry.files.map { "<a href=\"\(HTML.escape($0.link ?? $0.value))\">\(HTML.escape($0.label))</a>" }
            .joined(separator: "<br>")
        return "<tr><th scope=\"row\">\(title)<br><code>\(HTML.escape(entry.notebookPath))</code></th>"
            + "<td class=\"num\">\(metric)</td><td>\(goal)</td><td class=\"history\">\(history)</td>"
            + "<td>\(directives)</td><td class=\"files\">\(files)</td></tr>"
    }

    private static func keyMetric(_ metric: SiteKeyMetric?) -> String? {
        metric.map { "\($0.metric) \(NumberFormat.fixed($0.value, decimals: 4)) (\($0.model))" }
    }

    private static func goalText(_ goal: GoalStatus?) -> String? {
        guard let goal else { return nil }
        let target = goal.target.isEmpty ? goal.metric : "\(goal.metric) \(goal.target)"
        switch goal.met {
        case true?: return target + " ✅ met"
        case false?: return target + " ❌ not met"
        case nil: return goal.target.isEmpty ? target : target + " – not measured"
        }
    }

    private static func directivesText(_ counts: SiteDirectiveCounts) -> String {
        var parts = ["\(counts.succeeded) ok"]
        if counts.failed > 0 { parts.append("\(counts.failed) failed") }
        if counts.skipped > 0 { parts.append("\(counts.skipped) skipped") }
        return parts.joined(separator: ", ")
    }

    private static func count(_ entries: Int) -> String {
        entries == 1 ? "1 notebook" : "\(NumberFormat.integer(entries)) notebooks"
    }

    /// Text for a Markdown table cell.
    private static func cell(_ text: String) -> String {
        _MarkdownText.tableCell(text)
    }

    /// A Markdown link target: spaces and parentheses percent-encoded.
    private static func link(_ target: String) -> String {
        target.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28")
            .replacingOccurrences(of: ")", with: "%29")
    }

    private static let css = """
        .site-index th[scope=row] { font-weight: 600; min-width: 12rem; }
        .site-index th[scope=row] code { font-weight: normal; font-size: .8rem; }
        .site-index td.history { white-space: nowrap; }
        .site-index td.files { white-space: nowrap; }
        .site-index .muted { color: var(--muted); font-size: .8rem; }
        .sparkline { vertical-align: middle; }
        .sparkline polyline { stroke: var(--accent); }
        .sparkline circle { fill: var(--accent); }
        .runs { color: var(--muted); font-size: .8rem; margin-left: .4rem; }
        """
}
