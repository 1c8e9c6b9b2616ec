/// A small well-formedness check for generated HTML: every non-void element
/// is closed, in order. Comments, the doctype and `<style>` contents are skipped.
enum TagBalance {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link", "source", "wbr"]

    static func problems(in html: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<!") {
                rest = rest.dropFirst()
                continue
            }
            guard let close = rest.firstIndex(of: ">") else {
                problems.append("unterminated tag")
                break
            }
            let tag = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            let name = tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
            if tag.hasPrefix("/") {
                let closing = String(tag.dropFirst()).lowercased()
                if stack.last == closing {
                    stack.removeLast()
                } else {
                    problems.append("</\(closing)> while \(stack.last ?? "nothing") is open")
                }
            } else if tag.hasSuffix("/") || voidElements.contains(name) {
                continue
            } else {
                stack.append(name)
                if name == "style", let end = rest.range(of: "</style>") {
                    rest = rest[end.lowerBound...]
                }
            }
        }
        problems += stack.map { "<\($0)> never closed" }
        return problems
    }
}
