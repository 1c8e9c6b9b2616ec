internal import CCmark

/// A CommonMark document parsed by cmark into plain Swift values.
///
/// Only the top-level blocks are kept, each with its source position and its HTML
/// rendering. Link reference definitions are resolved over the whole document, so a
/// block that uses `[text][ref]` renders correctly even when `[ref]: …` stands
/// elsewhere. Raw HTML in the source is not passed through (cmark's safe default).
///
/// ```swift
/// let document = MarkdownDocument(parsing: "# Title\n\nSome *prose*.\n")
/// document.blocks[0].html   // "<h1>Title</h1>\n"
/// ```
public struct MarkdownDocument: Sendable, Equatable {
    /// The document's top-level blocks, in source order.
    public var blocks: [MarkdownBlock]

    /// Parses `text`; the C tree is walked once and freed before this returns.
    public init(parsing text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let length = text.utf8.count
        guard let root = text.withCString({ cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }) else {
            blocks = []
            return
        }
        defer { cmark_node_free(root) }
        var collected: [MarkdownBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            collected.append(MarkdownBlock(node: current, sourceLines: lines))
            node = cmark_node_next(current)
        }
        blocks = collected
    }
}

/// Renders CommonMark text to HTML with cmark's safe defaults.
public func renderCommonMarkHTML(_ text: String) -> String {
    MarkdownDocument(parsing: text).blocks.map(\.html).joined()
}
