/// Builds the backtick-delimited code in report text (titles, notes, text outputs), which the
/// renderers turn into `<code>` in HTML and a code span in Markdown.
///
/// A name that itself holds backticks needs a longer fence (the CommonMark rule), and one that
/// starts or ends with a backtick needs a space inside the fence:
///
/// ```swift
/// "Distribution of " + InlineCode.span("age")   // Distribution of `age`
/// "Distribution of " + InlineCode.span("a`b")   // Distribution of ``a`b``
/// ```
public enum InlineCode {
    /// `text` as a code span whose fence is longer than any backtick run inside it.
    public static func span(_ text: String) -> String {
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let fence = String(repeating: "`", count: _InlineCode.longestRun(single) + 1)
        let pad = single.hasPrefix("`") || single.hasSuffix("`") || (single.hasPrefix(" ") && single.hasSuffix(" ") && !single.isEmpty)
        return pad ? fence + " " + single + " " + fence : fence + single + fence
    }
}
