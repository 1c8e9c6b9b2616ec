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

    /// Creates a block by hand (tests and synthetic documents).
    public init(kind: Kind, startLine: Int, startColumn: Int, endLine: Int, html: String) {
        self.kind = kind
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.html = html
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
