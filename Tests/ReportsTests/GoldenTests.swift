import Reports
import Testing

@Suite("Golden reports")
struct GoldenTests {
    @Test("Markdown rendering of the sample report")
    func markdown() throws {
        try GoldenFile.assertMatches(MarkdownRenderer.render(SampleReport.report), named: "report.md")
    }

    @Test("HTML rendering of the sample report")
    func html() throws {
        try GoldenFile.assertMatches(HTMLRenderer.render(SampleReport.report), named: "report.html")
    }

    @Test("Text charts of the sample report, Unicode and ASCII")
    func textCharts() throws {
        var text = ""
        for case .chart(let chart) in SampleReport.train.outputs {
            text += TextChart.render(chart) + "\n" + TextChart.render(chart, width: 50, ascii: true) + "\n"
        }
        try GoldenFile.assertMatches(text, named: "charts.txt")
    }
}
