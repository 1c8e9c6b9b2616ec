/// A YAML value from a directive body or the front matter, with its place in the notebook.
///
/// Plain scalars are typed the YAML 1.2 core way (`true`/`false`, integers, floats, `null`/`~`);
/// quoted scalars are always strings.
public struct SpecNode: Sendable, Equatable {
    public var value: SpecValue
    public var location: SourceLocation

    public init(_ value: SpecValue, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// A short name for the value's type, for error messages.
    public var typeName: String { value.typeName }

    /// A canonical text of the value: the same for any formatting of the same YAML.
    public var canonical: String { value.canonical }
}

/// The value of a `SpecNode`.
public indirect enum SpecValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([SpecNode])
    case map([SpecEntry])

    /// A short name for the type, for error messages.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// Canonical JSON-like text; map keys keep their order (order is meaningful for us).
    public var canonical: String {
        switch self {
        case .string(let text): "\"" + text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        case .list(let items): "[" + items.map(\.canonical).joined(separator: ",") + "]"
        case .map(let entries): "{" + entries.map { SpecValue.string($0.key).canonical + ":" + $0.value.canonical }
            .joined(separator: ",") + "}"
        }
    }

    /// The value as plain text when it is a scalar (numbers in their shortest form).
    public var scalarText: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        case .null, .list, .map: nil
        }
    }
}

/// One `key: value` pair of a mapping, with the key's own location.
public struct SpecEntry: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: SpecNode

    public init(key: String, keyLocation: SourceLocation, value: SpecNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
