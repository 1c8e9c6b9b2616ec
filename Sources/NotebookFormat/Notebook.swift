/// A parsed notebook: front matter plus prose and directive cells in document order.
public struct Notebook: Sendable, Equatable {
    /// The notebook's path as the user named it (used in diagnostics and reports).
    public var path: String
    /// The full source text.
    public var source: String
    public var frontMatter: FrontMatter
    public var cells: [Cell]

    public init(path: String, source: String, frontMatter: FrontMatter, cells: [Cell]) {
        self.path = path
        self.source = source
        self.frontMatter = frontMatter
        self.cells = cells
    }

    /// The directive cells, in document order.
    public var directives: [DirectiveCell] {
        cells.compactMap {
            if case .directive(let directive) = $0 { return directive }
            return nil
        }
    }
}

/// One cell of a notebook.
public enum Cell: Sendable, Equatable {
    case prose(ProseCell)
    case directive(DirectiveCell)
}

/// A run of prose between directives.
public struct ProseCell: Sendable, Equatable {
    /// The prose rendered to HTML by cmark (links resolved over the whole notebook).
    public var html: String
    /// The author's Markdown for this run of prose, verbatim.
    public var markdown: String
    /// 1-based first and last source lines.
    public var lines: ClosedRange<Int>

    public init(html: String, markdown: String, lines: ClosedRange<Int>) {
        self.html = html
        self.markdown = markdown
        self.lines = lines
    }
}

/// A fenced block whose info string names a directive, e.g. ```` ```train ````.
public struct DirectiveCell: Sendable, Equatable {
    /// The directive's kind: the info string's first word.
    public var kind: String
    /// The fence line's position.
    public var location: SourceLocation
    /// The block verbatim, fences included.
    public var source: String
    /// The body parsed as YAML (after parameter substitution); `nil` when malformed.
    public var body: SpecNode?
    /// The body with parameters substituted, canonicalised: reformatting the YAML leaves it unchanged.
    public var canonicalBody: String { body?.canonical ?? "" }

    public init(kind: String, location: SourceLocation, source: String, body: SpecNode?) {
        self.kind = kind
        self.location = location
        self.source = source
        self.body = body
    }
}
