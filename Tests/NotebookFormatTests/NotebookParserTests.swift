import NotebookFormat
import Testing

@Suite struct NotebookParserTests {
    let kinds: Set<String> = ["load", "train"]

    func parse(_ source: String, overrides: [(name: String, value: String)] = []) -> NotebookParser.Result {
        NotebookParser.parse(source: source, path: "nb.md", directiveKinds: kinds, parameterOverrides: overrides)
    }

    @Test func splitsProseAndDirectivesInOrder() throws {
        let source = """
            ---
            title: T
            seed: 7
            ---
            Intro with [a link][ref].

            ```load
            name: census
            from: data.csv
            ```

            ```python
            print("stays prose")
            ```

            [ref]: https://example.org
            """
        let result = parse(source)
        #expect(result.log.diagnostics.isEmpty)
        let notebook = result.notebook
        #expect(notebook.frontMatter.title == "T")
        #expect(notebook.frontMatter.seed == 7)
        #expect(notebook.cells.count == 3)
        guard case .prose(let intro) = notebook.cells[0], case .directive(let load) = notebook.cells[1],
            case .prose(let after) = notebook.cells[2]
        else {
            Issue.record("unexpected cells \(notebook.cells)")
            return
        }
        #expect(intro.html == "<p>Intro with <a href=\"https://example.org\">a link</a>.</p>\n")
        #expect(intro.markdown == "Intro with [a link][ref].\n")
        #expect(load.kind == "load")
        #expect(load.location == SourceLocation(line: 7, column: 1))
        #expect(load.source == "```load\nname: census\nfrom: data.csv\n```\n")
        #expect(after.markdown.hasPrefix("```python"))
        #expect(after.markdown.hasSuffix("[ref]: https://example.org\n"))
        guard case .map(let entries) = try #require(load.body).value else {
            Issue.record("body is not a map")
            return
        }
        #expect(entries.map(\.key) == ["name", "from"])
        #expect(entries[1].keyLocation == SourceLocation(line: 9, column: 1))
        #expect(entries[1].value.location == SourceLocation(line: 9, column: 7))
    }

    @Test func malformedYAMLIsLocatedInTheNotebook() {
        let result = parse("Text\n\n```load\nname: [x\n```\n")
        #expect(result.log.diagnostics.count == 1)
        let diagnostic = result.log.diagnostics[0]
        #expect(diagnostic.headline.hasPrefix("nb.md:5:1: error: malformed YAML: "))
    }

    @Test func unknownKeyGetsSuggestionCaretAndSourceLine() {
        let result = parse("```load\nnaem: census\n```\n")
        let log = result.log
        let body = result.notebook.directives[0].body!
        let reader = SpecReader(body, directive: "load", at: SourceLocation(line: 1, column: 1), allowedKeys: ["name", "from"], log: log)
        _ = reader.string("from", required: true)
        #expect(log.diagnostics.map(\.description) == [
            """
            nb.md:2:1: error: unknown key `naem` in `load`
             2 | naem: census
               | ^
             did you mean `name`?
            """,
            "nb.md:1:1: error: `load` needs `from` (a string)\n 1 | ```load\n   | ^",
        ])
    }

    @Test func wrongTypeAndRangeAreReportedAtTheValue() {
        let result = parse("```train\ndepth: abc\nrate: 7\n```\n")
        let reader = SpecReader(
            result.notebook.directives[0].body!, directive: "train", at: SourceLocation(line: 1, column: 1),
            allowedKeys: ["depth", "rate"], log: result.log)
        #expect(reader.int("depth") == nil)
        #expect(reader.double("rate", range: 0...1) == nil)
        #expect(result.log.diagnostics.map(\.headline) == [
            "nb.md:2:8: error: `depth` must be an integer; found a string",
            "nb.md:3:7: error: `rate` must be between 0.0 and 1.0; got 7",
        ])
    }

    @Test func parametersSubstituteWithTheirTypeAndOverrides() throws {
        let source = "---\nparams:\n  depth: 4\n  label: x\n---\n```train\ndepth: \"${depth}\"\nname: m-${label}\n```\n"
        let result = parse(source, overrides: [("depth", "9")])
        #expect(result.log.diagnostics.isEmpty)
        let body = try #require(result.notebook.directives[0].body)
        #expect(body.canonical == "{\"depth\":9,\"name\":\"m-x\"}")
    }

    @Test func badParameterUseAndOverridesAreErrors() {
        let source = "---\nparams:\n  depth: 4\n---\n```train\ndepth: \"${dpeth}\"\n```\n"
        let result = parse(source, overrides: [("depth", "deep"), ("nope", "1")])
        #expect(result.log.diagnostics.map(\.headline) == [
            "nb.md:1:1: error: -p depth=deep: `depth` is int, and `deep` is not",
            "nb.md:1:1: error: -p nope=1: the notebook has no parameter `nope`",
            "nb.md:6:8: error: unknown parameter `dpeth`",
        ])
        #expect(result.log.diagnostics[2].hint == "did you mean `depth`?")
    }

    @Test func frontMatterErrors() {
        let result = parse("---\ntitel: x\ngoal: high\nseed: -1\n---\n")
        #expect(result.log.diagnostics.map(\.headline) == [
            "nb.md:2:1: error: unknown key `titel` in `front matter`",
            "nb.md:4:7: error: `seed` must be between 0 and \(Int.max); got -1",
            "nb.md:3:7: error: `goal` must be a comparison such as \">= 0.85\"; got `high`",
            "nb.md:3:7: error: `goal` needs `metric` to say what it measures",
        ])
        #expect(parse("---\ntitle: x\n").log.diagnostics.map(\.headline) == [
            "nb.md:1:1: error: the front matter starts with `---` but has no closing `---`"
        ])
    }

    @Test func reformattingYAMLKeepsTheCanonicalBody() {
        let a = parse("```load\nname: census\nsplit: {test: 0.2}\n```\n").notebook.directives[0]
        let b = parse("```load\nname:   census   # the data\nsplit:\n  test: 0.20\n```\n").notebook.directives[0]
        #expect(a.canonicalBody == b.canonicalBody)
    }

    @Test func suggestionsNeedACloseName() {
        #expect(NameSuggestion.closest(to: "spilt", among: ["split", "name"]) == "split")
        #expect(NameSuggestion.closest(to: "zzz", among: ["split", "name"]) == nil)
    }
}
