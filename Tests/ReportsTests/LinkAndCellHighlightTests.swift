import Reports
import Testing

@Suite("Table links and highlighted cells")
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
}
