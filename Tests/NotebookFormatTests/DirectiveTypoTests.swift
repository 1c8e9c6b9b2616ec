import NotebookFormat
import Testing

/// A fence that looks like a misspelt directive gets a located warning, not an error.
@Suite struct DirectiveTypoTests {
    let kinds: Set<String> = ["load", "train", "evaluate", "explore", "monitor", "deploy"]

    func diagnostics(_ source: String) -> [Diagnostic] {
        NotebookParser.parse(source: source, path: "nb.md", directiveKinds: kinds).log.diagnostics
    }

    @Test(arguments: [("evaluat", "evaluate"), ("Train", "train"), ("lod", "load"), ("LOAD", "load"), ("monitr", "monitor")])
    func nearMissWarnsAtTheFence(word: String, kind: String) {
        let found = diagnostics("Text\n\n```\(word)\nname: x\n```\n")
        #expect(found.map(\.headline) == ["nb.md:3:1: warning: `\(word)` is not a directive, so this block is shown as code"])
        #expect(found.first?.hint == "did you mean `\(kind)`?")
        #expect(found.first?.severity == .warning)
    }

    @Test(arguments: ["python", "text", "sh", "lua", "lean", "yaml", "diff", "sql", ""])
    func otherCodeStaysSilent(word: String) {
        #expect(diagnostics("```\(word)\nprint(1)\n```\n").isEmpty)
    }
}
