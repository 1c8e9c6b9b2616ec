/// A run of the author's prose, carried in both output formats.
///
/// `html` is trusted: it was rendered by cmark from the notebook and is inserted
/// into the HTML report as is. `markdown` is the author's own source and is
/// emitted verbatim into the Markdown report.
public struct Prose: Sendable, Equatable, Codable {
    /// The prose rendered to HTML by cmark (trusted, inserted unescaped).
    public var html: String
    /// The prose's Markdown source, emitted verbatim.
    public var markdown: String

    /// Creates a prose block.
    public init(html: String, markdown: String) {
        self.html = html
        self.markdown = markdown
    }
}
