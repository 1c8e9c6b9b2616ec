/// Escaping of plain text for GitHub-Flavored Markdown.
///
/// Characters are backslash-escaped only where they could start markup, so
/// the raw Markdown stays readable: `roc_auc >= 0.85` is left alone while
/// `<b>` becomes `\<b>` and `&amp;` becomes `\&amp;`.
enum _MarkdownText {
    /// Text inside a line (list item, emphasis, paragraph line): line breaks
    /// become spaces.
    static func inline(_ text: String) -> String {
        escape(singleLine(text), extra: [])
    }

    /// Like `inline`, but keeps leading and trailing spaces (for a piece of a line).
    static func fragment(_ text: String) -> String {
        escape(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "), extra: [])
    }

    /// Text of an ATX heading: also escapes `#`.
    static func heading(_ text: String) -> String {
        escape(singleLine(text), extra: ["#"])
    }

    /// Text of a GFM table cell: also escapes `|`.
    static func tableCell(_ text: String) -> String {
        escape(singleLine(text), extra: ["|"])
    }

    /// Multi-line text as paragraph lines: each line is trimmed, escaped, and
    /// guarded so it cannot start a block (heading, list, quote, rule).
    /// Blank lines come back as empty strings. With `code`, backtick-delimited
    /// runs are kept as code spans (see `_InlineCode`).
    static func lines(_ text: String, code: Bool = false) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            let line = String(raw).trimmingWhitespace()
            guard !line.isEmpty else { return "" }
            return guardLineStart(code ? _InlineCode(line).markdown : escape(line, extra: []))
        }
    }

    /// A backtick fence longer than any backtick run in `content` (at least 3).
    static func fence(for content: String) -> String {
        var longest = 0
        var run = 0
        for character in content {
            if character == "`" {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `text` with every NUL byte (U+0000) replaced by U+FFFD, as CommonMark requires.
    static func replacingNUL(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{0}") else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(scalar == "\u{0}" ? "\u{FFFD}" : scalar) }
        return String(result)
    }

    private static func escape(_ text: String, extra: Set<Character>) -> String {
        let characters = Array(replacingNUL(text))
        var result = ""
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if needsEscape(character, previous: previous, next: next, rest: characters[(index + 1)...])
                || extra.contains(character)
            {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    private static func needsEscape(
        _ character: Character, previous: Character?, next: Character?, rest: ArraySlice<Character>
    ) -> Bool {
        switch character {
        case "\\", "`", "*", "[", "]", "~":
            return true
        case "_":
            let intraword = (previous?.isLetterOrDigit ?? false) && (next?.isLetterOrDigit ?? false)
            return !intraword
        case "<":
            guard let next else { return false }
            return next.isLetter || next == "/" || next == "!" || next == "?"
        case "&":
            return startsEntity(rest)
        default:
            return false
        }
    }

    /// Whether `rest` (the text after an `&`) reads as an entity: `#?[A-Za-z0-9]+;`.
    private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        var body = rest
        if body.first == "#" { body = body.dropFirst() }
        var count = 0
        for character in body {
            if character == ";" { return count > 0 }
            guard character.isASCII, character.isLetter || character.isNumber else { return false }
            count += 1
        }
        return false
    }

    private static func guardLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>+-=|".contains(first) { return "\\" + line }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let after = line.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")",
                after.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true
            {
                return digits + "\\" + after
            }
        }
        return line
    }
}
