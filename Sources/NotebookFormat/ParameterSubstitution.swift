/// Replaces `${name}` in directive bodies with notebook parameters.
///
/// A scalar that is exactly `${name}` takes the parameter's value and type; `${name}`
/// inside a longer string is replaced by the value's text. `$${` escapes a literal `${`.
enum ParameterSubstitution {
    static func apply(
        _ node: SpecNode, parameters: [(name: String, value: ParamValue)], log: DiagnosticLog
    ) -> SpecNode {
        switch node.value {
        case .string(let text) where text.contains("${"):
            return substitute(text, at: node.location, parameters: parameters, log: log)
        case .list(let items):
            return SpecNode(.list(items.map { apply($0, parameters: parameters, log: log) }), at: node.location)
        case .map(let entries):
            let replaced = entries.map {
                SpecEntry(key: $0.key, keyLocation: $0.keyLocation, value: apply($0.value, parameters: parameters, log: log))
            }
            return SpecNode(.map(replaced), at: node.location)
        default:
            return node
        }
    }

    private static func substitute(
        _ text: String, at location: SourceLocation, parameters: [(name: String, value: ParamValue)],
        log: DiagnosticLog
    ) -> SpecNode {
        var output = ""
        var rest = Substring(text)
        var whole: ParamValue?
        while let start = rest.range(of: "${") {
            if start.lowerBound > rest.startIndex, rest[rest.index(before: start.lowerBound)] == "$" {
                output += rest[..<rest.index(before: start.lowerBound)] + "${"
                rest = rest[start.upperBound...]
                continue
            }
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                log.report("unterminated `${` in `\(text)`", at: location)
                return SpecNode(.string(text), at: location)
            }
            let name = String(rest[start.upperBound..<end]).trimmingSpaces()
            guard let value = parameters.first(where: { $0.name == name })?.value else {
                log.report(
                    "unknown parameter `\(name)`", at: location,
                    hint: NameSuggestion.hint(for: name, among: parameters.map(\.name))
                        ?? (parameters.isEmpty ? "declare it under `params:` in the front matter" : nil))
                return SpecNode(.string(text), at: location)
            }
            if start.lowerBound == text.startIndex, rest.index(after: end) == text.endIndex, output.isEmpty {
                whole = value
            }
            output += rest[..<start.lowerBound] + value.text
            rest = rest[rest.index(after: end)...]
        }
        if let whole { return SpecNode(whole.specValue(at: location), at: location) }
        return SpecNode(.string(output + rest), at: location)
    }
}
