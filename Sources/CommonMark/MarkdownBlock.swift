internal import CCmark
import Foundation

/// One top-level block of a `MarkdownDocument`.
public struct MarkdownBlock: Sendable, Equatable {
    /// What kind of block this is.
    public enum Kind: Sendable, Equatable {
        /// A fenced code block (```` ``` ```` or `~~~`) with its info string and body.
        case fencedCode(info: String, literal: String)
        /// Any other block; the payload is cmark's type name (`paragraph`, `heading`, …).
        case other(String)
    }

    /// The block's kind.
    public var kind: Kind
    /// 1-based line where the block starts.
    public var startLine: Int
    /// 1-based column where the block starts.
    public var startColumn: Int
    /// 1-based line where the block ends (inclusive).
    public var endLine: Int
    /// The block rendered to HTML by cmark.
    public var html: String
    /// For an ATX or setext heading: its level (1–6) and plain text (inline markup dropped).
    public var heading: Heading?

    /// A heading's level and plain text, e.g. `## Data *sources*` → `(2, "Data sources")`.
    public struct Heading: Sendable, Equatable {
        /// 1 for `#`, … 6 for `######`.
        public var level: Int
        /// The text of the heading's inlines, markup removed, line breaks as spaces.
        public var text: String

        /// Creates a heading.
        public init(level: Int, text: String) {
            self.level = level
            self.text = text
        }
    }

    /// Creates a block by hand (tests and synthetic documents).
    public init(kind: Kind, startLine: Int, startColumn: Int, endLine: Int, html: String, heading: Heading? = nil) {
        self.kind = kind
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.html = html
        self.heading = heading
    }

    init(node: OpaquePointer, sourceLines: [Substring]) {
        startLine = Int(cmark_node_get_start_line(node))
        startColumn = Int(cmark_node_get_start_column(node))
        endLine = Int(cmark_node_get_end_line(node))
        html = Self.renderHTML(node)
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_CODE_BLOCK, Self.isFence(line: startLine, in: sourceLines) {
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            kind = .fencedCode(info: info, literal: literal)
        } else {
            kind = .other(cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown")
        }
        heading = type == CMARK_NODE_HEADING
            ? Heading(level: Int(cmark_node_get_heading_level(node)), text: Self.plainText(node))
            : nil
    }

    /// The literal text under `node`: text and code spans verbatim, breaks as one space.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    private static func renderHTML(_ node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static func isFence(line: Int, in lines: [Substring]) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        let trimmed = lines[line - 1].drop { $0 == " " }
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }
}
