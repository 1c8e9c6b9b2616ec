import Reports
import Testing

@Suite("Table links, highlighted cells and findings")
struct LinkAndCellHighlightTests {
    let report = Report(title: "t", blocks: [.directive(DirectiveSection(
        kind: "sweep", source: "```sweep\n```\n", location: "nb.md",
        outputs: [.table(Table(
            columns: [TableColumn("run"), TableColumn("auc", alignment: .right)],
            rows: [
                [.link("a \"<b>\" (x)", url: "nb--a=\"1\" (2).html"), .number(0.5, decimals: 2)],
                [.text("b"), .number(0.75, decimals: 2)],
            ],
            highlightedCells: [CellPosition(row: 1, column: 1)]))]))])

    @Test func htmlEscapesLinkTextAndTargetAndBoldsTheCell() {
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<td><a href=\"nb--a=&quot;1&quot; (2).html\">a &quot;&lt;b&gt;&quot; (x)</a></td>"))
        #expect(html.contains("<td class=\"num\"><strong>0.75</strong></td>"))
        #expect(html.contains("<td class=\"num\">0.50</td>"))
    }

    @Test func markdownEncodesTheTargetAndBoldsTheCell() {
        let markdown = MarkdownRenderer.render(report)
        #expect(markdown.contains("| [a \"\\<b>\" (x)](nb--a=\"1\"%20%282%29.html) | 0.50 |"))
        #expect(markdown.contains("| b | **0.75** |"))
    }

    let finding = Report(title: "t", blocks: [.directive(DirectiveSection(
        kind: "sweep", source: "", location: "nb.md",
        outputs: [.finding(Finding(
            label: "Best", subject: "nb--a=<1> (2)", link: "nb--a=<1> (2).html", markdownLink: "nb--a=<1> (2).md",
            detail: "tree `roc_auc` 0.9 <b>"))]))])

    @Test func aFindingLinksItsSubjectToEachFormatsReport() {
        #expect(HTMLRenderer.render(finding).contains(
            "<p class=\"text finding\"><strong>Best:</strong> <a href=\"nb--a=&lt;1&gt; (2).html\"><code>nb--a=&lt;1&gt; (2)</code></a> — tree <code>roc_auc</code> 0.9 &lt;b&gt;</p>"))
        #expect(MarkdownRenderer.render(finding).contains(
            "**Best:** [`nb--a=<1> (2)`](nb--a=%3C1%3E%20%282%29.md) — tree `roc_auc` 0.9 \\<b>"))
        let bare = Report(title: "t", blocks: [.directive(DirectiveSection(
            kind: "sweep", source: "", location: "nb.md", outputs: [.finding(Finding(label: "Best", subject: "x"))]))])
        #expect(MarkdownRenderer.render(bare).contains("\n**Best:** `x`\n"))
        #expect(HTMLRenderer.render(bare).contains("<p class=\"text finding\"><strong>Best:</strong> <code>x</code></p>"))
    }
}
