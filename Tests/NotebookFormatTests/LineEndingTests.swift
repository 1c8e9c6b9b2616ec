import NotebookFormat
import Testing

/// CRLF line ends are read like LF, alone or mixed.
@Suite struct LineEndingTests {
    func parse(_ source: String) -> NotebookParser.Result {
        NotebookParser.parse(source: source, path: "nb.md", directiveKinds: ["load"])
    }

    @Test func frontMatterClosedWithCRLFIsAccepted() {
        let result = parse("---\ntitle: T\n---\r\nText\n")
        #expect(result.log.diagnostics.isEmpty)
        #expect(result.notebook.frontMatter.title == "T")
    }

    @Test func aCRLFNotebookReadsLikeAnLFOne() {
        let lf = "---\ntitle: T\nseed: 3\n---\nText\n\n```load\nname: d\nfrom: data/d.csv\n```\n"
        let crlf = parse(lf.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.log.diagnostics.isEmpty)
        #expect(crlf.notebook.frontMatter.title == "T")
        #expect(crlf.notebook.frontMatter.seed == 3)
        #expect(crlf.notebook.cells.count == parse(lf).notebook.cells.count)
    }

    @Test func diagnosticsInACRLFNotebookShowTheLine() {
        let result = parse("```load\r\nname: a: b\r\n```\r\n")
        #expect(result.log.diagnostics.first?.sourceLine == "name: a: b")
        #expect(result.log.diagnostics.first?.location == SourceLocation(line: 2, column: 8))
    }
}
