/// A run of the author's prose, carried in both output formats.
///
/// `html` is trusted: it was rendered by cmark from the notebook and is inserted
/// into the HTML report as is. `markdown` is the author's own source and is
/// emitted verbatim into the Markdown report. `headings` are the prose's top-level
/// headings; the HTML report gives each an `id` and lists it in its table of contents.
public struct Prose: Sendable, Equatable, Codable {
    /// The prose rendered to HTML by cmark (trusted, inserted unescaped).
    public var html: String
    /// The prose's Markdown source, emitted verbatim.
    public var markdown: String
    /// The top-level headings in `html`, in order.
    public var headings: [ProseHeading]

    /// Creates a prose block.
    public init(html: String, markdown: String, headings: [ProseHeading] = []) {
        self.html = html
        self.markdown = markdown
        self.headings = headings
    }

    private enum CodingKeys: String, CodingKey { case html, markdown, headings }

    /// Decodes a prose block; one encoded before headings existed has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        html = try container.decode(String.self, forKey: .html)
        markdown = try container.decode(String.self, forKey: .markdown)
        headings = try container.decodeIfPresent([ProseHeading].self, forKey: .headings) ?? []
    }
}
