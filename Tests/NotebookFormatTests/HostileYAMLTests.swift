import NotebookFormat
import Testing

/// YAML that would exhaust memory or leak libyaml's wording gets a plain, located diagnostic.
@Suite struct HostileYAMLTests {
    func parse(_ source: String, file: ParameterFile? = nil) -> NotebookParser.Result {
        NotebookParser.parse(source: source, path: "nb.md", directiveKinds: ["load", "train"], parameterFile: file)
    }

    /// Nine levels of nine aliases: a billion values once expanded.
    static let laughs: [String] = {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = "abcdefghi".map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        return lines
    }()

    @Test(.timeLimit(.minutes(1))) func aliasBombInABodyIsRefused() {
        let result = parse((["Text", "", "```load"] + Self.laughs + ["```"]).joined(separator: "\n") + "\n")
        #expect(result.log.diagnostics.map(\.headline) == ["nb.md:4:1: error: YAML aliases expand to more than 100000 values"])
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombInFrontMatterAndParameterFileIsRefused() {
        let front = parse((["---"] + Self.laughs + ["---", "Text"]).joined(separator: "\n") + "\n")
        #expect(front.log.diagnostics.map(\.headline) == ["nb.md:2:1: error: YAML aliases expand to more than 100000 values"])
        let file = ParameterFile(path: "p.yaml", source: Self.laughs.joined(separator: "\n") + "\n")
        let params = parse("---\nparams:\n  a: 1\n---\nText\n", file: file)
        #expect(params.log.diagnostics.map(\.headline) == ["p.yaml:1:1: error: YAML aliases expand to more than 100000 values"])
    }

    /// Yams hashes mapping keys while composing: a bomb used as a key is sized before that.
    @Test(.timeLimit(.minutes(1))) func aliasBombAsAMappingKeyIsRefusedBeforeComposing() {
        for key in ["? *i\n: 1", "*i : 1", "k: {*i : 1}", "[*i, *i]: 1"] {
            let result = parse((["Text", "", "```load"] + Self.laughs + [key, "```"]).joined(separator: "\n") + "\n")
            #expect(result.log.diagnostics.map(\.headline) == ["nb.md:4:1: error: YAML aliases expand to more than 100000 values"])
        }
    }

    @Test func anAsteriskInsideAValueIsNotAnAlias() throws {
        let result = parse("```load\nname: \"a *b\"\nfrom: x*y.csv\nbase: &b [x, y]\nmore: *b\n```\n")
        #expect(result.log.diagnostics.filter { $0.message.contains("alias") }.isEmpty)
    }

    @Test func smallAliasesStillWork() throws {
        let result = parse("```load\nbase: &b [x, y]\nmore: *b\n```\n")
        #expect(result.log.diagnostics.isEmpty)
    }

    @Test func tabIndentationHasAPlainMessage() {
        let result = parse("```load\nname: x\nsplit:\n\ttest: 0.2\n```\n")
        #expect(result.log.diagnostics.map(\.headline) == ["nb.md:4:1: error: a tab cannot indent YAML; use spaces"])
    }

    @Test func libyamlWordingNeverReachesTheUser() {
        let cases: [(String, String)] = [
            ("name: [x", "nb.md:3:1: error: malformed YAML: a `[` list is not closed with `]`"),
            ("name: {a: 1", "nb.md:3:1: error: malformed YAML: a `{` mapping is not closed with `}`"),
            ("name: \"x", "nb.md:3:1: error: malformed YAML: a quoted string is not closed"),
            ("name: a: b", "nb.md:2:8: error: malformed YAML: unexpected `:`; put a value that contains `: ` in quotes"),
            ("name: @x", "nb.md:2:7: error: malformed YAML: this character cannot start a value; put the value in quotes"),
            ("name: *nothing", "nb.md:2:7: error: malformed YAML: an alias (`*name`) refers to no anchor (`&name`)"),
        ]
        for (body, expected) in cases {
            let headlines = parse("```load\n\(body)\n```\n").log.diagnostics.map(\.headline)
            #expect(headlines == [expected], "\(body)")
        }
    }
}
