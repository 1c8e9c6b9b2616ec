/// Renders a `Report` as GitHub-Flavored Markdown.
///
/// The header is the title, the question as a blockquote and the goal line;
/// prose is emitted verbatim; each directive gets a `####` heading, its
/// location, its source in a fence longer than any backtick run inside it, and
/// its outputs (GFM tables, text charts in `text` fences, metric tables,
/// callouts). A `---` rule precedes the footer list. Plain text is escaped
/// only where it could start markup (`<b>` → `\<b>`, while `>= 0.85` and
/// `roc_auc` stay as they are). Generated lines carry no trailing spaces and
/// the document ends with exactly one newline; prose is the exception to the
/// first rule, since it is the author's text and is kept verbatim (only its
/// leading and trailing blank lines are dropped).
///
/// ```swift
/// try MarkdownRenderer.render(report).write(to: url, atomically: true, encoding: .utf8)
/// ```
public enum MarkdownRenderer {
    /// Renders `report` as a Markdown document.
    public static func render(_ report: Report) -> String {
        var blocks = ["# " + _MarkdownText.heading(report.title)]
        if let question = report.question {
            blocks.append(quote(_MarkdownText.lines(question)))
        }
        if let goal = report.goal {
            blocks.append(goalLine(goal))
        }
        for block in report.blocks {
            switch block {
            case .prose(let prose):
                let markdown = prose.markdown.trimmingBlankLines()
                if !markdown.isEmpty { blocks.append(markdown) }
            case .directive(let section):
                blocks += directiveBlocks(section)
            }
        }
        if !report.footer.items.isEmpty {
            blocks.append("---")
            blocks.append(
                report.footer.items.map { item in
                    let value = _MarkdownText.inline(item.value)
                    let shown = item.link.map { "[" + value + "](" + $0 + ")" } ?? value
                    return "- **" + _MarkdownText.inline(item.label) + ":** " + shown
                }.joined(separator: "\n"))
        }
        // Text is escaped already; this also covers fenced text charts and prose.
        return _MarkdownText.replacingNUL(blocks.joined(separator: "\n\n") + "\n")
    }

    static func goalLine(_ goal: GoalStatus) -> String {
        var line = "**Goal:** " + _MarkdownText.inline(goal.metric + " " + goal.target) + " — "
        let achieved = goal.achieved.map(_MarkdownText.inline)
        switch goal.met {
        case true?: line += "✅ met" + (achieved.map { ": " + $0 } ?? "")
        case false?: line += "❌ not met" + (achieved.map { ": " + $0 } ?? "")
        case nil: line += "not measured" + (achieved.map { " (" + $0 + ")" } ?? "")
        }
        return line
    }

    static func directiveBlocks(_ section: DirectiveSection) -> [String] {
        var heading = "#### ▸ " + _MarkdownText.heading(section.kind)
        if let name = section.name { heading += " · " + _MarkdownText.heading(name) }
        switch section.status {
        case .succeeded: break
        case .failed: heading += " — ❌ failed"
        case .skipped: heading += " — ⏭️ skipped"
        }
        var blocks = [heading]
        let location = _MarkdownText.inline(section.location)
        if !location.isEmpty { blocks.append("*" + location + "*") }
        switch section.status {
        case .succeeded: break
        case .failed(let message): blocks.append(callout(label: "Error", message: message))
        case .skipped(let reason): blocks.append(callout(label: "Skipped", message: reason))
        }
        blocks.append(fenced(sourceLines(section.source), info: "markdown"))
        for output in section.outputs {
            blocks += outputBlocks(output)
        }
        return blocks
    }

    /// A blockquote callout: `> **Label:** message`; a multi-line message goes
    /// into a `text` fence inside the quote so its layout (e.g. a caret line) survives.
    static func callout(label: String, message: String) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailingWhitespace() }
        let content = lines.joined(separator: "\n").trimmingBlankLines()
        if !content.contains("\n") {
            return quote(["**" + label + ":** " + _InlineCode(content).markdown])
        }
        let fence = fenced(content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), info: "text")
        return quote(["**" + label + ":**", ""] + fence.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Lines prefixed with `> ` (a bare `>` for blank lines).
    static func quote(_ lines: [String]) -> String {
        lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }

    /// `lines` in a backtick fence longer than any backtick run inside them.
    static func fenced(_ lines: [String], info: String) -> String {
        let fence = _MarkdownText.fence(for: lines.joined(separator: "\n"))
        return ([fence + info] + lines + [fence]).joined(separator: "\n")
    }

    /// The directive source's lines without trailing whitespace or blank edges.
    private static func sourceLines(_ source: String) -> [String] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingTrailingWhitespace() }
        return lines.joined(separator: "\n").trimmingBlankLines().split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }
}
