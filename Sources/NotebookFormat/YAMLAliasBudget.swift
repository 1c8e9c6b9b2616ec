import Yams

/// Bounds how many values a YAML document stands for once its aliases are expanded.
///
/// Yams shares an anchored node wherever an alias (`*name`) refers to it, so composing is
/// cheap, but walking the result visits every copy: nine levels of nine aliases (a "billion
/// laughs") stand for a billion values. The count walks through aliases without building
/// anything and stops as soon as it passes the limit, so it costs at most `limit` steps.
///
/// Composing itself is not always cheap: Yams hashes every mapping key to find duplicates,
/// and hashing a key that is an alias bomb visits every copy. ``textFits(_:)`` therefore
/// sizes the document before it is composed, from a copy whose aliases are plain words.
enum YAMLAliasBudget {
    /// The most values a notebook's YAML may stand for.
    static let limit = 100_000

    /// The message when a document stands for more than `limit` values.
    static var message: String { "YAML aliases expand to more than \(limit) values" }

    /// Whether `node`, aliases expanded, holds at most `limit` nodes.
    static func fits(_ node: Node, limit: Int = limit) -> Bool {
        var remaining = limit
        return visit(node, remaining: &remaining)
    }

    /// Whether `text`, aliases expanded, stands for at most `limit` values; `true` when it has
    /// no aliases or is malformed (composing it then reports the real problem).
    ///
    /// Each alias is replaced by a plain scalar naming its anchor, so the copy composes in
    /// linear time; the sizes of anchored nodes are then summed in document order (an alias
    /// always refers to an anchor before it).
    static func textFits(_ text: String, limit: Int = limit) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return true }
        let stand = Self.aliasesAsWords(text)
        guard stand != text, let parser = try? Parser(yaml: stand), let root = try? parser.singleRoot() else { return true }
        var sizes: [String: Int] = [:]
        // The parser owns the anchors the nodes point to weakly.
        return withExtendedLifetime(parser) { size(root, sizes: &sizes, limit: limit) <= limit }
    }

    private static let aliasWord = "labbook-alias-"

    /// `text` with every alias token (`*name` where a node may start) replaced by a plain word.
    static func aliasesAsWords(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "*", previous.isWhitespace || "[{,:?-".contains(previous) {
                output += aliasWord
                previous = "w"
            } else {
                output.append(character)
                previous = character
            }
            index = text.index(after: index)
        }
        return output
    }

    /// The expanded size of `node`, stopping early past `limit`; records anchored nodes' sizes.
    private static func size(_ node: Node, sizes: inout [String: Int], limit: Int) -> Int {
        var total = 1
        switch node {
        case .scalar(let scalar):
            if scalar.string.hasPrefix(aliasWord) {
                total = sizes[String(scalar.string.dropFirst(aliasWord.count))] ?? 1
            }
        case .alias:
            break
        case .sequence(let sequence):
            for item in sequence {
                total += size(item, sizes: &sizes, limit: limit)
                if total > limit { return total }
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                total += size(key, sizes: &sizes, limit: limit) + size(value, sizes: &sizes, limit: limit)
                if total > limit { return total }
            }
        }
        if let anchor = node.anchor { sizes[anchor.rawValue] = total }
        return total
    }

    private static func visit(_ node: Node, remaining: inout Int) -> Bool {
        remaining -= 1
        guard remaining >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let sequence):
            for item in sequence where !visit(item, remaining: &remaining) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard visit(key, remaining: &remaining), visit(value, remaining: &remaining) else { return false }
            }
            return true
        }
    }
}
