/// The published site's front page: one entry per notebook report, for `labbook publish`.
///
/// ```swift
/// let index = SiteIndex(title: "Labbook reports", entries: [entry])
/// let html = SiteIndexRenderer.html(index)
/// ```
public struct SiteIndex: Sendable, Equatable {
    /// The page's heading and `<title>`.
    public var title: String
    /// The reports, in the order the page lists them.
    public var entries: [SiteEntry]

    /// Creates an index.
    public init(title: String, entries: [SiteEntry]) {
        self.title = title
        self.entries = entries
    }
}
