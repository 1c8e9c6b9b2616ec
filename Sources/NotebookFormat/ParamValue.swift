/// A notebook parameter's value; its type is inferred from the front-matter default.
public indirect enum ParamValue: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case list([ParamValue])

    /// The type's name as users write it: `int`, `double`, `bool`, `string`, `list`.
    public var typeName: String {
        switch self {
        case .int: "int"
        case .double: "double"
        case .bool: "bool"
        case .string: "string"
        case .list: "list"
        }
    }

    /// The value as it reads inside a larger string.
    public var text: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .string(let value): value
        case .list(let values): "[" + values.map(\.text).joined(separator: ", ") + "]"
        }
    }

    /// The value as a spec value, for substitution into directive bodies.
    func specValue(at location: SourceLocation) -> SpecValue {
        switch self {
        case .int(let value): .int(value)
        case .double(let value): .double(value)
        case .bool(let value): .bool(value)
        case .string(let value): .string(value)
        case .list(let values): .list(values.map { SpecNode($0.specValue(at: location), at: location) })
        }
    }

    /// Parses a command-line override (`-p name=value`) as the same type as `self`.
    /// Returns `nil` when `text` is not a value of that type.
    public func parsingOverride(_ text: String) -> ParamValue? {
        switch self {
        case .int: Int(text).map(ParamValue.int)
        case .double: Double(text).flatMap { $0.isFinite ? ParamValue.double($0) : nil }
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "1": .bool(true)
            case "false", "no", "0": .bool(false)
            default: nil
            }
        case .string: .string(text)
        case .list(let defaults):
            parseList(text, like: defaults.first)
        }
    }

    private func parseList(_ text: String, like element: ParamValue?) -> ParamValue? {
        var body = Substring(text)
        if body.hasPrefix("["), body.hasSuffix("]") { body = body.dropFirst().dropLast() }
        let parts = body.split(separator: ",").map { String($0).trimmingSpaces() }
        guard let element else { return .list(parts.map(ParamValue.string)) }
        var values: [ParamValue] = []
        for part in parts {
            guard let value = element.parsingOverride(part) else { return nil }
            values.append(value)
        }
        return .list(values)
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
