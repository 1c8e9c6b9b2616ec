import CommonMark
import Testing

@Suite struct MarkdownDocumentTests {
    @Test func topLevelBlocksCarryPositionsAndHTML() {
        let document = MarkdownDocument(parsing: "# Title\n\nSome *prose*.\n\n```load\nname: x\n```\n")
        #expect(document.blocks.count == 3)
        #expect(document.blocks[0].html == "<h1>Title</h1>\n")
        #expect(document.blocks[1].startLine == 3)
        #expect(document.blocks[2].kind == .fencedCode(info: "load", literal: "name: x\n"))
        #expect(document.blocks[2].startLine == 5)
        #expect(document.blocks[2].endLine == 7)
    }

    @Test func indentedCodeIsNotFenced() {
        let document = MarkdownDocument(parsing: "Text\n\n    load\n")
        #expect(document.blocks[1].kind == .other("code_block"))
    }

    @Test func linkReferencesResolveAcrossTheDocument() {
        let document = MarkdownDocument(parsing: "See [the survey][cps].\n\n```load\n```\n\n[cps]: https://example.org\n")
        #expect(document.blocks[0].html == "<p>See <a href=\"https://example.org\">the survey</a>.</p>\n")
    }

    @Test func rawHTMLIsNotPassedThrough() {
        #expect(!renderCommonMarkHTML("<script>alert(1)</script>\n").contains("<script>"))
    }
}
