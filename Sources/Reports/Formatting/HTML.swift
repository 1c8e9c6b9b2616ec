/// HTML helpers. Escaping is the default: every piece of text that reaches
/// the HTML report goes through `escape`; only `Prose.html` and generated SVG
/// are inserted raw.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element
    /// text and inside a quoted attribute value. A NUL byte (U+0000), which HTML
    /// forbids, becomes U+FFFD (the replacement character), as CommonMark does.
    ///
    /// `HTML.escape("a < b & \"c\"")` → `a &lt; b &amp; &quot;c&quot;`
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\u{0}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
