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
    /// The top-level headings in this prose, in order, each with where its `<hN` tag starts in `html`.
    public var headings: [Heading]

    /// A top-level heading of a prose cell.
    public struct Heading: Sendable, Equatable {
        /// 1 for `#`, … 6 for `######`.
        public var level: Int
        /// Its plain text.
        public var text: String
        /// The UTF-8 offset in the cell's `html` where the heading's `<hN>` tag starts.
        public var htmlOffset: Int

        /// Creates a heading.
        public init(level: Int, text: String, htmlOffset: Int) {
            self.level = level
            self.text = text
            self.htmlOffset = htmlOffset
        }
    }

    public init(html: String, markdown: String, lines: ClosedRange<Int>, headings: [Heading] = []) {
        self.html = html
        self.markdown = markdown
        self.lines = lines
        self.headings = headings
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
