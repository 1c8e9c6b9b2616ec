/// A top-level heading of a `Prose` block, e.g. `## Data` → level 2, text "Data".
///
/// `htmlOffset` is the UTF-8 offset in the prose's `html` where the heading's `<hN>`
/// tag starts; the HTML renderer adds the heading's `id` there.
public struct ProseHeading: Sendable, Equatable, Codable {
    /// 1 for `#`, … 6 for `######`.
    public var level: Int
    /// The heading's plain text (inline markup removed).
    public var text: String
    /// Where the heading's `<hN>` tag starts in the prose's `html`, in UTF-8 bytes.
    public var htmlOffset: Int

    /// Creates a heading.
    public init(level: Int, text: String, htmlOffset: Int) {
        self.level = level
        self.text = text
        self.htmlOffset = htmlOffset
    }
}
