import CommonMark

/// Turns notebook text into a `Notebook`, collecting every problem as a located diagnostic.
///
/// The Markdown is parsed by cmark. A top-level fenced code block whose info string's first
/// word is one of `directiveKinds` is a directive and its body is YAML; every other block is
/// prose. The parser knows nothing of what directives do, but a fence whose word is close
/// to a directive kind (```` ```evaluat ````) gets a warning with a "did you mean".
///
/// ```swift
/// let parsed = NotebookParser.parse(source: text, path: "notebooks/income.md",
///                                   directiveKinds: ["load", "train"])
/// for diagnostic in parsed.log.diagnostics { print(diagnostic) }
/// ```
public enum NotebookParser {
    /// A parsed notebook and the log holding its diagnostics (later checks add to it).
    public struct Result: Sendable {
        public var notebook: Notebook
        public var log: DiagnosticLog
    }

    /// Parses `source`. `parameterFile` holds `--params` values; `parameterOverrides` are
    /// `-p name=value` pairs from the command line and win over the file.
    public static func parse(
        source: String, path: String, directiveKinds: Set<String>,
        parameterOverrides: [(name: String, value: String)] = [], parameterFile: ParameterFile? = nil
    ) -> Result {
        let log = DiagnosticLog(file: path, source: source)
        let lines = source.sourceLines
        var frontMatter = FrontMatterParser.parse(lines: lines, log: log)
        for diagnostic in parameterFile?.apply(to: &frontMatter) ?? [] { log.append(diagnostic) }
        ParameterOverrides.apply(parameterOverrides, to: &frontMatter, log: log)

        var markdownLines = lines.map(String.init)
        for index in 0..<min(frontMatter.endLine, markdownLines.count) { markdownLines[index] = "" }
        let document = MarkdownDocument(parsing: markdownLines.joined(separator: "\n"))

        var cells: [Cell] = []
        var proseBlocks: [MarkdownBlock] = []
        var proseStart = frontMatter.endLine + 1
        func flushProse(before endLine: Int) {
            defer { proseBlocks = [] }
            // Only the lines between the previous directive and this one: a filter over every
            // line here made `check` quadratic in the notebook's length.
            let lower = max(proseStart - 1, 0)
            let upper = min(max(endLine - 1, lower), lines.count)
            let region = lower..<upper
            guard let first = region.first(where: { !lines[$0].allSatisfy(\.isWhitespace) }),
                let last = region.last(where: { !lines[$0].allSatisfy(\.isWhitespace) })
            else { return }
            let markdown = lines[first...last].joined(separator: "\n") + "\n"
            var html = ""
            var headings: [ProseCell.Heading] = []
            for block in proseBlocks {
                if let heading = block.heading {
                    headings.append(ProseCell.Heading(level: heading.level, text: heading.text, htmlOffset: html.utf8.count))
                }
                html += block.html
            }
            cells.append(.prose(ProseCell(html: html, markdown: markdown, lines: (first + 1)...(last + 1), headings: headings)))
        }

        for block in document.blocks {
            guard case .fencedCode(let info, let literal) = block.kind,
                let kind = info.split(separator: " ").first.map(String.init), directiveKinds.contains(kind)
            else {
                if case .fencedCode(let info, _) = block.kind, let word = info.split(separator: " ").first {
                    let fence = SourceLocation(line: block.startLine, column: block.startColumn)
                    DirectiveTypo.check(String(word), among: directiveKinds, at: fence, log: log)
                }
                proseBlocks.append(block)
                continue
            }
            flushProse(before: block.startLine)
            let placement = YAMLLoader.Placement(firstLine: block.startLine + 1, columnOffset: block.startColumn - 1)
            let body = YAMLLoader.load(literal, placement: placement, log: log).map {
                ParameterSubstitution.apply($0, parameters: frontMatter.parameters, log: log)
            }
            let endLine = min(block.endLine, lines.count)
            let source = lines[(block.startLine - 1)..<endLine].joined(separator: "\n") + "\n"
            let location = SourceLocation(line: block.startLine, column: block.startColumn)
            cells.append(.directive(DirectiveCell(kind: kind, location: location, source: source, body: body)))
            proseStart = block.endLine + 1
        }
        flushProse(before: lines.count + 1)
        let notebook = Notebook(path: path, source: source, frontMatter: frontMatter, cells: cells)
        return Result(notebook: notebook, log: log)
    }
}
