import Yams

/// Bounds how many values a YAML document stands for once its aliases are expanded.
///
/// Yams shares an anchored node wherever an alias (`*name`) refers to it, so composing is
/// cheap, but walking the result visits every copy: nine levels of nine aliases (a "billion
/// laughs") stand for a billion values. The count walks through aliases without building
/// anything and stops as soon as it passes the limit, so it costs at most `limit` steps.
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
