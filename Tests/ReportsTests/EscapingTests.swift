import Reports
import Testing

@Suite("Escaping")
struct EscapingTests {
    @Test("HTML.escape escapes the five special characters")
    func htmlEscape() {
        #expect(HTML.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;")
        #expect(HTML.escape("a < b && c") == "a &lt; b &amp;&amp; c")
        #expect(HTML.escape("plain – text ✓") == "plain – text ✓")
        #expect(HTML.escape("&amp;") == "&amp;amp;")
    }

    @Test("no raw special characters reach the HTML outside trusted prose")
    func htmlReport() {
        let html = HTMLRenderer.render(SampleReport.report)
        #expect(!html.contains(SampleReport.special))
        #expect(!html.contains("<=50K"))
        #expect(!html.contains("<angles>"))
        let escaped = "&lt;&amp;&gt;&quot;&#39;"
        // Title (twice), question, goal, footer (2), table (3), charts, metrics, text, notes, errors…
        #expect(html.components(separatedBy: escaped).count - 1 >= 30)
    }

    @Test("Markdown escapes text that could start markup, and nothing else")
    func markdownText() {
        let report = Report(
            title: "C# <b>bold</b> & *stars* [link] `code` snake_case _em_ &amp; 1 < 2",
            question: "# not a heading\n- not a list\n1. not a list\n>= quoted?\n1.5 is a number")
        let markdown = MarkdownRenderer.render(report)
        #expect(markdown.hasPrefix(
            "# C\\# \\<b>bold\\</b> & \\*stars\\* \\[link\\] \\`code\\` snake_case \\_em\\_ \\&amp; 1 < 2\n"))
        #expect(markdown.contains("> \\# not a heading\n> \\- not a list\n> 1\\. not a list\n> \\>= quoted?\n> 1.5 is a number\n"))
    }

    @Test("a pipe in a table cell is escaped in Markdown")
    func pipeInCell() {
        let markdown = MarkdownRenderer.render(SampleReport.report)
        #expect(markdown.contains("| **tree \\| pruned <&>\"'** |"))
    }

    @Test("backticks in text outputs mark code; everything else stays escaped")
    func inlineCode() {
        let section = DirectiveSection(
            kind: "load", source: "```load\n```", location: "nb.md:1",
            outputs: [
                .text("rows of `<census>` & ``a`b``; a lone ` stays"),
                .table(Table(title: "Dataset `a|b`", columns: [TableColumn("x")], rows: [])),
            ])
        let report = Report(title: "t", blocks: [.directive(section)])
        let html = HTMLRenderer.render(report)
        #expect(html.contains(
            "<p class=\"text\">rows of <code>&lt;census&gt;</code> &amp; <code>a`b</code>; a lone ` stays</p>"))
        #expect(html.contains("<caption>Dataset <code>a|b</code></caption>"))
        let markdown = MarkdownRenderer.render(report)
        #expect(markdown.contains("\nrows of `<census>` & ``a`b``; a lone \\` stays\n"))
        #expect(markdown.contains("**Dataset `a|b`**"))
    }
}

@Suite("Escaping NUL and backticks in names")
struct NameEscapingTests {
    static let name = "a`b\u{0}c"

    static var report: Report {
        let section = DirectiveSection(
            kind: "explore", source: "```explore\n```", location: "nb.md:1",
            outputs: [
                .table(Table(
                    title: "Distribution of " + InlineCode.span(name),
                    columns: [TableColumn(name), TableColumn("n")],
                    rows: [[.text("x|y\u{0}`z"), .text("1")]])),
                .note(Note(level: .warning, InlineCode.span(name) + ": constant")),
            ])
        return Report(title: "t", blocks: [.directive(section)])
    }

    @Test("a code span around a name with a backtick uses a longer fence")
    func span() {
        #expect(InlineCode.span("age") == "`age`")
        #expect(InlineCode.span("a`b") == "``a`b``")
        #expect(InlineCode.span("`x") == "`` `x ``")
        #expect(InlineCode.span("a``b`") == "``` a``b` ```")
    }

    @Test("HTML has no raw NUL and keeps the backtick inside the code")
    func html() {
        let html = HTMLRenderer.render(Self.report)
        #expect(!html.unicodeScalars.contains("\u{0}"))
        #expect(html.contains("<caption>Distribution of <code>a`b\u{FFFD}c</code></caption>"))
        #expect(html.contains("<th scope=\"col\">a`b\u{FFFD}c</th>"))
        #expect(html.contains("<td>x|y\u{FFFD}`z</td>"))
        #expect(html.contains("<code>a`b\u{FFFD}c</code>: constant"))
    }

    @Test("Markdown has no raw NUL, fences the name's code span longer and escapes the cell")
    func markdown() {
        let markdown = MarkdownRenderer.render(Self.report)
        #expect(!markdown.unicodeScalars.contains("\u{0}"))
        #expect(markdown.contains("**Distribution of ``a`b\u{FFFD}c``**"))
        #expect(markdown.contains("| a\\`b\u{FFFD}c | n |"))
        #expect(markdown.contains("| x\\|y\u{FFFD}\\`z | 1 |"))
        #expect(markdown.contains("``a`b\u{FFFD}c``: constant"))
    }
}
