import NotebookFormat
import Testing

@Suite struct ParameterFileTests {
    static let source = """
        ---
        params:
          depth: 4
          rate: 0.5
          deep: false
          label: x
          features: [1, 2]
        ---
        ```train
        p: ["${depth}", "${rate}", "${deep}", "${label}", "${features}"]
        ```

        """

    func parse(file: String, overrides: [(name: String, value: String)] = []) -> NotebookParser.Result {
        NotebookParser.parse(
            source: Self.source, path: "nb.md", directiveKinds: ["train"], parameterOverrides: overrides,
            parameterFile: ParameterFile(path: "grid.yaml", source: file))
    }

    @Test func valuesOfEveryTypeAreApplied() throws {
        let result = parse(file: "depth: 9\nrate: 2\ndeep: true\nlabel: 3.5\nfeatures: [7, 8, 9]\n")
        #expect(result.log.diagnostics.isEmpty)
        #expect(result.notebook.frontMatter.parameters.map(\.value) == [
            .int(9), .double(2), .bool(true), .string("3.5"), .list([.int(7), .int(8), .int(9)]),
        ])
        let body = try #require(result.notebook.directives[0].body)
        #expect(body.canonical == "{\"p\":[9,2.0,true,\"3.5\",[7,8,9]]}")
    }

    @Test func commandLineOverridesWinOverTheFile() {
        let result = parse(file: "depth: 9\nlabel: y\n", overrides: [("depth", "12")])
        #expect(result.log.diagnostics.isEmpty)
        #expect(result.notebook.frontMatter.parameter("depth") == .int(12))
        #expect(result.notebook.frontMatter.parameter("label") == .string("y"))
    }

    @Test func unknownNamesAndWrongTypesAreLocatedInTheFile() {
        let result = parse(file: "depth: deep\ndpeth: 3\nfeatures: [1, x]\ndeep: 1\n")
        #expect(result.log.diagnostics.map(\.description) == [
            "grid.yaml:1:8: error: `depth` is int; got a string\n 1 | depth: deep\n   |        ^",
            "grid.yaml:2:1: error: the notebook has no parameter `dpeth`\n 2 | dpeth: 3\n   | ^\n did you mean `depth`?",
            "grid.yaml:3:15: error: `features` is a list of int; got a string\n 3 | features: [1, x]\n   |               ^",
            "grid.yaml:4:7: error: `deep` is bool; got an integer\n 4 | deep: 1\n   |       ^",
        ])
    }

    @Test func malformedOrNonMappingFilesAreErrors() {
        #expect(parse(file: "- 1\n- 2\n").log.diagnostics.map(\.headline) == [
            "grid.yaml:1:1: error: a parameter file is a YAML mapping of parameter names to values; found a list",
        ])
        #expect(parse(file: "depth: [1\n").log.diagnostics.first?.headline.hasPrefix("grid.yaml:") == true)
        #expect(parse(file: "").log.diagnostics.isEmpty)
    }
}
