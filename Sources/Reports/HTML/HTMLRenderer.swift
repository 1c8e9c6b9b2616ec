/// Renders a `Report` as one self-contained HTML file.
///
/// The page has inline CSS only: no scripts, fonts or images, nothing fetched
/// from the network. It reads well on a phone (a narrow column; wide tables
/// scroll inside their wrapper), in dark mode (`prefers-color-scheme`) and on
/// paper (`@media print`: sources expanded, no breaks inside tables and
/// charts, light colours). Every text is escaped with `HTML.escape`; only
/// `Prose.html` and the SVG from `SVGChart` are inserted raw. Each directive
/// section has a unique `id` (`kind-name`), each top-level heading of the prose one
/// from its text; both are linked, nested under their headings, from a table of
/// contents that stays in view beside the report on wide screens.
/// The document ends with exactly one newline.
public enum HTMLRenderer {
    /// Renders `report` as an HTML document.
    public static func render(_ report: Report) -> String {
        let contents = _Contents(report)
        var lines = head(title: report.title)
        lines.append("<body>")
        let navigation = contents.navigation()
        lines.append(navigation.isEmpty ? "<main class=\"report\">" : "<main class=\"report with-toc\">")
        lines += header(report)
        lines += navigation
        var directives = 0
        var proses = 0
        for block in report.blocks {
            switch block {
            case .prose(let prose):
                lines.append("<div class=\"prose\">")
                lines.append(contents.html(prose, at: proses).trimmingBlankLines())
                lines.append("</div>")
                proses += 1
            case .directive(let section):
                lines += directive(section, id: contents.directiveIDs[directives])
                directives += 1
            }
        }
        if let history = report.history { lines += self.history(history) }
        if !report.footer.items.isEmpty { lines += footer(report.footer) }
        lines.append("</main>")
        lines.append("</body>")
        lines.append("</html>")
        // Escaping already replaces NUL; this also covers trusted prose and SVG.
        return _MarkdownText.replacingNUL(lines.joined(separator: "\n") + "\n")
    }

    private static func head(title: String) -> [String] {
        [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"color-scheme\" content=\"light dark\">",
            "<title>\(text(title))</title>",
            "<style>",
            _HTMLStyle.css,
            "</style>",
            "</head>",
        ]
    }

    private static func header(_ report: Report) -> [String] {
        var lines = ["<header class=\"report-header\">", "<h1>\(text(report.title))</h1>"]
        if let question = report.question {
            lines.append("<p class=\"question\">\(multiline(question))</p>")
        }
        if let goal = report.goal { lines.append(goalLine(goal)) }
        lines.append("</header>")
        return lines
    }

    private static func goalLine(_ goal: GoalStatus) -> String {
        let badge: String
        switch goal.met {
        case true?: badge = "<span class=\"badge ok\">✓ met</span>"
        case false?: badge = "<span class=\"badge failed\">✗ not met</span>"
        case nil: badge = "<span class=\"badge skipped\">– not measured</span>"
        }
        let achieved = goal.achieved.map { " <span class=\"achieved\">achieved \(text($0))</span>" } ?? ""
        return "<p class=\"goal\"><strong>Goal:</strong> <span class=\"target\">\(text(goal.metric)) \(text(goal.target))</span> "
            + badge + achieved + "</p>"
    }

    private static func directive(_ section: DirectiveSection, id: String) -> [String] {
        var lines = [
            "<section class=\"directive \(statusClass(section.status))\" id=\"\(id)\">",
            "<div class=\"directive-head\">",
            "<h4>\(directiveTitle(section))</h4>",
            badge(section.status),
        ]
        if !section.location.isEmpty {
            lines.append("<span class=\"location\">\(text(section.location))</span>")
        }
        lines.append("</div>")
        switch section.status {
        case .succeeded: break
        case .failed(let message): lines += callout(kind: "error", label: "Error", message: message, alert: true)
        case .skipped(let reason): lines += callout(kind: "skipped", label: "Skipped", message: reason, alert: false)
        }
        lines.append("<details class=\"source\">")
        lines.append("<summary>Source</summary>")
        lines.append("<pre><code>\(text(section.source.trimmingBlankLines()))</code></pre>")
        lines.append("</details>")
        for output in section.outputs {
            lines += self.output(output)
        }
        lines.append("</section>")
        return lines
    }

    static func directiveTitle(_ section: DirectiveSection) -> String {
        var title = "<span class=\"kind\">\(text(section.kind))</span>"
        if let name = section.name {
            title += " <span class=\"sep\" aria-hidden=\"true\">·</span> <span class=\"name\">\(text(name))</span>"
        }
        return title
    }

    static func badge(_ status: DirectiveStatus) -> String {
        switch status {
        case .succeeded: "<span class=\"badge ok\">✓ ok</span>"
        case .failed: "<span class=\"badge failed\">✗ failed</span>"
        case .skipped: "<span class=\"badge skipped\">↷ skipped</span>"
        }
    }

    private static func statusClass(_ status: DirectiveStatus) -> String {
        switch status {
        case .succeeded: "status-ok"
        case .failed: "status-failed"
        case .skipped: "status-skipped"
        }
    }

    private static func footer(_ footer: ReportFooter) -> [String] {
        var lines = ["<footer class=\"report-footer\">", "<dl>"]
        for item in footer.items {
            let value = item.link.map { "<a href=\"\(text($0))\">\(text(item.value))</a>" } ?? text(item.value)
            lines.append("<div><dt>\(text(item.label))</dt><dd>\(value)</dd></div>")
        }
        lines += ["</dl>", "</footer>"]
        return lines
    }

    /// The history section: summary, chart and table of earlier runs.
    private static func history(_ history: ReportHistory) -> [String] {
        var lines = ["<section class=\"history\" id=\"history\">", "<h2>History</h2>"]
        lines += output(.text(history.summary))
        lines += output(.chart(history.chart))
        lines += output(.table(history.table))
        lines.append("</section>")
        return lines
    }

    /// Escaped text.
    static func text(_ value: String) -> String { HTML.escape(value) }

    /// Escaped text whose line breaks become `<br>`.
    static func multiline(_ value: String) -> String {
        value.trimmingBlankLines().split(separator: "\n", omittingEmptySubsequences: false)
            .map { HTML.escape($0.trimmingTrailingWhitespace()) }.joined(separator: "<br>\n")
    }
}
