import Reports
import Testing

@Suite("HTMLRenderer")
struct HTMLRendererTests {
    let html = HTMLRenderer.render(SampleReport.report)

    @Test("is one self-contained document")
    func document() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.hasSuffix("\n\n"))
    }

    @Test("has no scripts and fetches nothing from the network")
    func noScriptsNoNetwork() throws {
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("javascript:"))
        let eventHandler = try Regex(#"<[^>]*\son[a-z]+\s*="#)
        #expect(lower.firstMatch(of: eventHandler) == nil, "event handler attribute")
        #expect(!lower.contains("<link"))
        #expect(!lower.contains("@import"))
        #expect(!lower.contains("url("))
        #expect(!lower.contains("src="))
        // The only network addresses are navigation links in the author's prose
        // and the SVG namespace, which is an identifier, not a fetch.
        for attribute in ["href=\"http", "href='http", "src=\"http"] {
            var rest = Substring(lower)
            while let range = rest.range(of: attribute) {
                let tagStart = rest[..<range.lowerBound].lastIndex(of: "<").map { rest[$0...] } ?? ""
                #expect(tagStart.hasPrefix("<a "), "network reference outside a link: \(tagStart.prefix(60))")
                rest = rest[range.upperBound...]
            }
        }
    }

    @Test("is well-formed: every element closed, in order")
    func wellFormed() throws {
        let problems = TagBalance.problems(in: html)
        #expect(problems.isEmpty, "\(problems)")
        #expect(html.components(separatedBy: "<details").count == html.components(separatedBy: "</details>").count)
        #expect(html.components(separatedBy: "<svg").count == 4)
    }

    @Test("directive sections have unique, deduplicated anchors")
    func anchors() {
        let section = DirectiveSection(kind: "train", name: "tree", source: "```train\n```", location: "nb.md:1")
        let report = Report(title: "t", blocks: [.directive(section), .directive(section), .directive(section)])
        let html = HTMLRenderer.render(report)
        #expect(html.contains("id=\"train-tree\""))
        #expect(html.contains("id=\"train-tree-2\""))
        #expect(html.contains("id=\"train-tree-3\""))
        #expect(html.contains("<a href=\"#train-tree-2\">"))
        #expect(self.html.contains("id=\"train-tree\""))
        #expect(self.html.contains("id=\"evaluate-boosted\""))
        #expect(self.html.contains("id=\"deploy\""))
    }

    @Test("status badges carry text, not only colour")
    func badges() {
        #expect(html.contains("<span class=\"badge ok\">✓ ok</span>"))
        #expect(html.contains("<span class=\"badge failed\">✗ failed</span>"))
        #expect(html.contains("<span class=\"badge skipped\">↷ skipped</span>"))
    }

    @Test("numbers are right-aligned; sources are collapsible and closed")
    func layout() {
        #expect(html.contains("<td class=\"num\">28,155</td>"))
        #expect(html.contains("<details class=\"source\">\n<summary>Source</summary>"))
        #expect(!html.contains("<details open"))
        #expect(html.contains("@media print"))
        #expect(html.contains("prefers-color-scheme: dark"))
    }

    @Test("rendering is deterministic")
    func deterministic() {
        #expect(HTMLRenderer.render(SampleReport.report) == HTMLRenderer.render(SampleReport.report))
        #expect(MarkdownRenderer.render(SampleReport.report) == MarkdownRenderer.render(SampleReport.report))
    }

    @Test("an empty report is still a complete document")
    func empty() {
        let html = HTMLRenderer.render(Report(title: ""))
        #expect(TagBalance.problems(in: html).isEmpty)
        #expect(!html.contains("<nav"))
    }
}
