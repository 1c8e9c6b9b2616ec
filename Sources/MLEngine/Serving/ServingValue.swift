/// A JSON value as a request body carries it, parsed by ``ServingJSON``.
///
/// Named apart from the notebook runner's own JSON type; objects keep their keys in
/// document order (``ServingObject``), numbers are `Double` (`NaN` and `Infinity` are
/// accepted as Python's `json` writes them).
public enum ServingValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ServingValue])
    case object(ServingObject)

    /// The object, or `nil` for any other value.
    public var object: ServingObject? {
        if case .object(let object) = self { object } else { nil }
    }

    /// The array, or `nil` for any other value.
    public var array: [ServingValue]? {
        if case .array(let array) = self { array } else { nil }
    }

    /// The string, or `nil` for any other value.
    public var string: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// What the value is, for error messages: `a number`, `a string`, ….
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
