/// The HTML report's anchors and its table of contents: every directive section and every
/// top-level heading of the prose, in document order, nested under the headings.
///
/// Directive ids are assigned first (`kind-name`), so adding a heading never changes a
/// directive's link; heading ids are the slug of their text, made unique.
struct _Contents {
    /// The id of each directive section, in document order.
    private(set) var directiveIDs: [String] = []
    /// The id of each top-level heading, per prose block in document order.
    private var headingIDs: [[String?]] = []
    private var entries: [(depth: Int, html: String)] = []

    init(_ report: Report) {
        var ids = _AnchorIDs()
        for case .directive(let section) in report.blocks {
            directiveIDs.append(ids.make(kind: section.kind, name: section.name))
        }
        if report.history != nil { ids.reserve("history") }
        let proses = report.blocks.compactMap { block -> Prose? in
            if case .prose(let prose) = block { return prose }
            return nil
        }
        for prose in proses {
            headingIDs.append(prose.headings.map { Self.hasHeadingTag(prose.html, at: $0.htmlOffset) ? ids.make(heading: $0.text) : nil })
        }
        let topLevel = proses.flatMap(\.headings).map(\.level).min() ?? 1
        var directive = 0
        var prose = 0
        var headingDepth = -1
        for block in report.blocks {
            switch block {
            case .prose(let text):
                for (heading, id) in zip(text.headings, headingIDs[prose]) {
                    guard let id else { continue }
                    headingDepth = heading.level - topLevel
                    entries.append((headingDepth, "<a href=\"#\(id)\">\(HTML.escape(heading.text))</a>"))
                }
                prose += 1
            case .directive(let section):
                let link = "<a href=\"#\(directiveIDs[directive])\">\(HTMLRenderer.directiveTitle(section))</a>"
                entries.append((headingDepth + 1, link + " " + HTMLRenderer.badge(section.status)))
                directive += 1
            }
        }
        if report.history != nil { entries.append((0, "<a href=\"#history\">History</a>")) }
    }

    /// The prose block number `index`'s HTML with an `id` on each of its top-level headings.
    func html(_ prose: Prose, at index: Int) -> String {
        var bytes = Array(prose.html.utf8)
        for (heading, id) in zip(prose.headings, headingIDs[index]).reversed() {
            guard let id else { continue }
            let insertion = heading.htmlOffset + 3  // after "<hN"
            bytes.insert(contentsOf: Array(" id=\"\(id)\"".utf8), at: insertion)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `<nav>` listing every entry as nested ordered lists; nothing when there are none.
    func navigation() -> [String] {
        guard !entries.isEmpty else { return [] }
        var lines = ["<nav class=\"toc\" aria-label=\"Contents\">", "<p class=\"toc-title\">Contents</p>"]
        var depth = -1
        for entry in entries {
            let target = max(0, min(entry.depth, depth + 1))
            if target > depth {
                lines.append("<ol>")
            } else {
                lines[lines.count - 1] += "</li>"
                for _ in target..<depth { lines.append("</ol></li>") }
            }
            depth = target
            lines.append("<li>" + entry.html)
        }
        lines[lines.count - 1] += "</li>"
        for _ in 0..<depth { lines.append("</ol></li>") }
        lines += ["</ol>", "</nav>"]
        return lines
    }

    /// Whether `html` has a heading's opening tag (`<h1` … `<h6`) at UTF-8 offset `offset`.
    private static func hasHeadingTag(_ html: String, at offset: Int) -> Bool {
        let bytes = html.utf8
        guard offset >= 0, offset + 3 <= bytes.count else { return false }
        let start = bytes.index(bytes.startIndex, offsetBy: offset)
        let tag = Array(bytes[start..<bytes.index(start, offsetBy: 3)])
        return tag[0] == UInt8(ascii: "<") && tag[1] == UInt8(ascii: "h") && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(tag[2])
    }
}
