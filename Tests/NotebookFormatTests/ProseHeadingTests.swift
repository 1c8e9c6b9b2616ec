import NotebookFormat
import Testing

/// The parser reports each prose cell's top-level headings, with where their tags start in
/// the cell's HTML, for the report's table of contents.
@Suite struct ProseHeadingTests {
    func proseCells(_ source: String) -> [ProseCell] {
        NotebookParser.parse(source: source, path: "nb.md", directiveKinds: ["load"]).notebook.cells.compactMap { cell in
            if case .prose(let prose) = cell { return prose }
            return nil
        }
    }

    @Test func headingsCarryLevelPlainTextAndTheirOffsetInTheHTML() throws {
        let cells = proseCells("""
            # The *question*

            Some prose.

            Data `sources` & more
            ---------------------

            ```load
            name: a
            from: a.csv
            ```

            ### Last
            """)
        #expect(cells.count == 2)
        let first = cells[0]
        #expect(first.headings.map(\.level) == [1, 2])
        #expect(first.headings.map(\.text) == ["The question", "Data sources & more"])
        for heading in first.headings {
            let tail = first.html.utf8.dropFirst(heading.htmlOffset)
            #expect(String(decoding: tail.prefix(3), as: UTF8.self) == "<h\(heading.level)")
        }
        #expect(cells[1].headings == [ProseCell.Heading(level: 3, text: "Last", htmlOffset: 0)])
    }

    @Test func headingsInsideQuotesAndListsAreNotTopLevel() {
        let cells = proseCells("> ## Quoted\n\n- ## In a list\n\n## Real\n")
        #expect(cells.first?.headings.map(\.text) == ["Real"])
    }

    @Test func multiByteTextBeforeAHeadingKeepsItsOffsetInBytes() throws {
        let cell = try #require(proseCells("Ünïcödé prose — with dashes.\n\n## Après\n").first)
        let heading = try #require(cell.headings.first)
        #expect(heading.text == "Après")
        #expect(String(decoding: cell.html.utf8.dropFirst(heading.htmlOffset).prefix(4), as: UTF8.self) == "<h2>")
    }
}
