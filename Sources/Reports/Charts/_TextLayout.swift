/// Column arithmetic for monospaced text; widths count grapheme clusters.
enum _TextLayout {
    static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `text` cut to `width` characters, marked with `…` (or `...` in ASCII) when cut.
    static func truncate(_ text: String, _ width: Int, ascii: Bool) -> String {
        guard text.count > width else { return text }
        let marker = ascii ? "..." : "…"
        guard width > marker.count else { return String(text.prefix(max(0, width))) }
        return String(text.prefix(width - marker.count)) + marker
    }

    /// A single line: line breaks become spaces.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Lines joined with `\n`, trailing spaces removed, ending with one newline.
    static func finish(_ lines: [String]) -> String {
        lines.map { $0.trimmingTrailingWhitespace() }.joined(separator: "\n") + "\n"
    }
}
