/// Text in which backtick-delimited runs are code, as in Markdown:
/// `` Distribution of `age` `` is the plain text "Distribution of " followed
/// by the code "age". A backtick run without a matching closing run of the
/// same length is literal text. Everything else stays plain text, escaped by
/// whichever renderer shows it.
struct _InlineCode {
    enum Segment: Equatable {
        case plain(String)
        case code(String)
    }

    let segments: [Segment]

    init(_ text: String) {
        let characters = Array(text)
        var segments: [Segment] = []
        var plain = ""
        var index = 0
        while index < characters.count {
            guard characters[index] == "`" else {
                plain.append(characters[index])
                index += 1
                continue
            }
            let runLength = Self.runLength(characters, from: index)
            if let close = Self.closingRun(characters, length: runLength, from: index + runLength) {
                if !plain.isEmpty { segments.append(.plain(plain)) }
                plain = ""
                var code = String(characters[(index + runLength)..<close])
                if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
                    code = String(code.dropFirst().dropLast())
                }
                segments.append(.code(code))
                index = close + runLength
            } else {
                plain += String(repeating: "`", count: runLength)
                index += runLength
            }
        }
        if !plain.isEmpty { segments.append(.plain(plain)) }
        self.segments = segments
    }

    /// HTML: plain text escaped, code in escaped `<code>` elements.
    var html: String {
        segments.map { segment in
            switch segment {
            case .plain(let text): HTML.escape(text)
            case .code(let code): "<code>" + HTML.escape(code) + "</code>"
            }
        }.joined()
    }

    /// Markdown: plain text escaped for an inline position, code re-emitted as a code span.
    var markdown: String {
        segments.map { segment in
            switch segment {
            case .plain(let text): _MarkdownText.fragment(text)
            case .code(let code): Self.codeSpan(code)
            }
        }.joined()
    }

    /// The text with the code delimiters removed, e.g. for an SVG title.
    var plainText: String {
        segments.map { segment in
            switch segment {
            case .plain(let text): text
            case .code(let code): code
            }
        }.joined()
    }

    static func codeSpan(_ code: String) -> String {
        let single = _MarkdownText.replacingNUL(code).split(whereSeparator: \.isNewline).joined(separator: " ")
        let fence = String(repeating: "`", count: longestRun(single) + 1)
        let pad = single.hasPrefix("`") || single.hasSuffix("`") || (single.hasPrefix(" ") && single.hasSuffix(" "))
        return pad ? fence + " " + single + " " + fence : fence + single + fence
    }

    static func longestRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    private static func runLength(_ characters: [Character], from start: Int) -> Int {
        var end = start
        while end < characters.count, characters[end] == "`" { end += 1 }
        return end - start
    }

    private static func closingRun(_ characters: [Character], length: Int, from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                let run = runLength(characters, from: index)
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }
}
