import Reports
import Testing

/// The HTML report's table of contents: headings and directives in document order, nested
/// under the headings, each linked to an `id` on the page.
@Suite struct TableOfContentsTests {
    static func section(_ kind: String, _ name: String?) -> DirectiveSection {
        DirectiveSection(kind: kind, name: name, source: "```\(kind)\n```\n", location: "nb.md:1:1", status: .succeeded, outputs: [])
    }

    static func prose(_ headings: [(level: Int, text: String)]) -> Prose {
        var html = ""
        var found: [ProseHeading] = []
        for heading in headings {
            found.append(ProseHeading(level: heading.level, text: heading.text, htmlOffset: html.utf8.count))
            html += "<h\(heading.level)>\(HTML.escape(heading.text))</h\(heading.level)>\n<p>text</p>\n"
        }
        return Prose(html: html, markdown: "", headings: found)
    }

    let report = Report(
        title: "T",
        blocks: [
            .prose(prose([(2, "Data"), (3, "Where it comes from")])),
            .directive(section("load", "census")),
            .prose(prose([(2, "Train tree")])),
            .directive(section("train", "tree")),
            .directive(section("train", "forest")),
        ])

    @Test func headingsGetIdsAndDirectivesNestUnderTheirHeading() throws {
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<h2 id=\"data\">Data</h2>"))
        #expect(html.contains("<h3 id=\"where-it-comes-from\">Where it comes from</h3>"))
        // A heading whose slug is a directive's id yields: directive links never change.
        #expect(html.contains("<h2 id=\"train-tree-2\">Train tree</h2>"))
        #expect(html.contains("<section class=\"directive status-ok\" id=\"train-tree\">"))
        let nav = try #require(html.components(separatedBy: "<nav class=\"toc\"").last?.components(separatedBy: "</nav>").first)
        let links = nav.components(separatedBy: "href=\"#").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links == ["data", "where-it-comes-from", "load-census", "train-tree-2", "train-tree", "train-forest"])
        #expect(nav.contains("<li><a href=\"#data\">Data</a>\n<ol>\n<li><a href=\"#where-it-comes-from\">Where it comes from</a>\n<ol>\n<li><a href=\"#load-census\">"))
        #expect(TagBalance.problems(in: html).isEmpty)
    }

    @Test func aReportWithoutHeadingsListsItsDirectivesFlat() {
        let html = HTMLRenderer.render(Report(title: "T", blocks: [.directive(Self.section("load", "a")), .directive(Self.section("train", "b"))]))
        #expect(html.contains("<ol>\n<li><a href=\"#load-a\">"))
        #expect(!html.contains("</ol></li>"))
        #expect(TagBalance.problems(in: html).isEmpty)
    }

    @Test func aDeepHeadingAfterAShallowOneNestsOneLevelOnly() {
        let html = HTMLRenderer.render(Report(title: "T", blocks: [.prose(Self.prose([(1, "A"), (4, "B"), (1, "C")]))]))
        #expect(html.contains("<li><a href=\"#a\">A</a>\n<ol>\n<li><a href=\"#b\">B</a></li>\n</ol></li>\n<li><a href=\"#c\">C</a></li>"))
        #expect(TagBalance.problems(in: html).isEmpty)
    }

    @Test func anOffsetThatIsNotAHeadingTagIsIgnored() {
        let prose = Prose(html: "<p>no heading</p>\n", markdown: "", headings: [ProseHeading(level: 2, text: "Ghost", htmlOffset: 0)])
        let html = HTMLRenderer.render(Report(title: "T", blocks: [.prose(prose)]))
        #expect(!html.contains("Ghost"))
        #expect(html.contains("<p>no heading</p>"))
    }

    @Test func theTableOfContentsStaysInViewOnWideScreens() {
        let html = HTMLRenderer.render(report)
        #expect(html.contains("@media screen and (min-width: 78rem)"))
        #expect(html.contains(".toc { position: fixed;"))
    }
}
