import Foundation

/// A model parameter value as written in a notebook or a manifest.
///
/// Encodes as a bare JSON scalar (`8`, `1.5`, `"gini"`, `true`). JSON does not tell `1`
/// from `1.0`, so a decoded whole number is `.int`; ``ModelParameters`` accepts either
/// wherever a number is expected.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A whole number, e.g. `max_depth: 8`.
    case int(Int)
    /// A number with a fraction, e.g. `C: 0.5`.
    case double(Double)
    /// Text, e.g. `criterion: entropy`.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)

    /// Decodes a bare JSON scalar: a boolean, a whole number, another number, or text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes as a bare JSON scalar.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }

    /// The value as written in a notebook: numbers bare, text in double quotes.
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .bool(let value): String(value)
        }
    }

    /// The value as a number: an int, a double, or text that reads as a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .string(let value): Double(value.trimmingCharacters(in: .whitespaces))
        case .bool: nil
        }
    }

    /// The value as a whole number: an int, a double without fraction, or text that reads as one.
    public var intValue: Int? {
        switch self {
        case .int(let value): value
        case .double, .string:
            doubleValue.flatMap { $0.rounded() == $0 && abs($0) < 1e18 ? Int($0) : nil }
        case .bool: nil
        }
    }
}
