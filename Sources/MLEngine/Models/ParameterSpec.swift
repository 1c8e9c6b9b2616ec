import Foundation

/// The documentation and allowed values of one model parameter.
public struct ParameterSpec: Sendable, Equatable {
    /// The values a parameter accepts.
    enum Rule: Sendable, Equatable {
        /// A finite number strictly greater than 0.
        case positiveNumber
        /// A whole number at least this large.
        case integer(atLeast: Int)
        /// A whole number at least this large, or `"none"` for no limit.
        case optionalInteger(atLeast: Int)
        /// One of these words.
        case oneOf([String])
        /// A finite number at least 0.
        case nonNegativeNumber
        /// A whole number in this closed range.
        case integerInRange(Int, Int)
        /// `"sqrt"`, `"log2"`, `"all"` (or `"none"`), a whole number of columns >= 1, or a
        /// fraction of the columns in (0, 1]; 1.0 and `"none"` become `"all"`.
        case maxFeatures
        /// `true` or `false`.
        case boolean
        /// A number strictly between 0 and 1.
        case openFraction
        /// `true`, `false` or `"auto"`.
        case boolOrAuto
        /// A number in (0, 1].
        case unitFraction
    }

    /// The parameter's name, snake_case as in scikit-learn (`max_depth`, `C`).
    public let name: String
    /// What the parameter does, one sentence.
    public let summary: String
    /// The value used when the parameter is not given; `nil` means "no limit".
    public let defaultValue: ParameterValue?
    let rule: Rule

    /// The allowed values in words, e.g. `an integer >= 1`.
    public var allowedValues: String {
        switch rule {
        case .positiveNumber: "a number > 0"
        case .integer(let minimum): "an integer >= \(minimum)"
        case .optionalInteger(let minimum): "an integer >= \(minimum), or \"none\" for no limit"
        case .oneOf(let words): "one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
        case .nonNegativeNumber: "a number >= 0"
        case .integerInRange(let low, let high): "an integer from \(low) to \(high)"
        case .maxFeatures: "\"sqrt\", \"log2\", \"all\", an integer >= 1, or a number in (0, 1]"
        case .boolean: "true or false"
        case .openFraction: "a number in (0, 1)"
        case .boolOrAuto: "true, false, or \"auto\""
        case .unitFraction: "a number in (0, 1]"
        }
    }

    /// The canonical form of `value`, or `nil` when it is not allowed.
    /// `.some(nil)` means "explicitly no limit".
    func canonical(_ value: ParameterValue) -> ParameterValue?? {
        switch rule {
        case .positiveNumber:
            if case .bool = value { return nil }
            guard let number = value.doubleValue, number.isFinite, number > 0 else { return nil }
            return .some(.double(number))
        case .integer(let minimum):
            if case .bool = value { return nil }
            guard let number = value.intValue, number >= minimum else { return nil }
            return .some(.int(number))
        case .optionalInteger(let minimum):
            if case .string(let text) = value, ["none", "null"].contains(text.lowercased()) { return .some(nil) }
            if case .bool = value { return nil }
            guard let number = value.intValue, number >= minimum else { return nil }
            return .some(.int(number))
        case .oneOf(let words):
            guard case .string(let text) = value, words.contains(text.lowercased()) else { return nil }
            return .some(.string(text.lowercased()))
        case .nonNegativeNumber:
            if case .bool = value { return nil }
            guard let number = value.doubleValue, number.isFinite, number >= 0 else { return nil }
            return .some(.double(number))
        case .integerInRange(let low, let high):
            if case .bool = value { return nil }
            guard let number = value.intValue, number >= low, number <= high else { return nil }
            return .some(.int(number))
        case .maxFeatures:
            return Self.canonicalMaxFeatures(value)
        case .boolean:
            switch value {
            case .bool(let flag): return .some(.bool(flag))
            case .string(let text) where ["true", "false"].contains(text.lowercased()):
                return .some(.bool(text.lowercased() == "true"))
            default: return nil
            }
        case .openFraction:
            if case .bool = value { return nil }
            guard let number = value.doubleValue, number > 0, number < 1 else { return nil }
            return .some(.double(number))
        case .unitFraction:
            if case .bool = value { return nil }
            guard let number = value.doubleValue, number > 0, number <= 1 else { return nil }
            return .some(.double(number))
        case .boolOrAuto:
            switch value {
            case .bool(let flag): return .some(.bool(flag))
            case .string(let text) where text.lowercased() == "auto": return .some(.string("auto"))
            case .string(let text) where ["true", "false"].contains(text.lowercased()): return .some(.bool(text.lowercased() == "true"))
            default: return nil
            }
        }
    }

    /// `max_features` in canonical form: a word, an `.int` count, or a `.double` fraction below 1.
    private static func canonicalMaxFeatures(_ value: ParameterValue) -> ParameterValue?? {
        switch value {
        case .bool:
            return nil
        case .string(let text) where ["sqrt", "log2", "all", "none"].contains(text.lowercased()):
            let word = text.lowercased()
            return .some(.string(word == "none" ? "all" : word))
        case .int(let count):
            return count >= 1 ? .some(.int(count)) : nil
        case .double(let number):
            guard number > 0, number <= 1 else { return nil }
            return .some(number == 1 ? .string("all") : .double(number))
        case .string(let text):
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else { return nil }
            // Text written with a point is a fraction, without one a count (as Python reads it).
            return canonicalMaxFeatures(text.contains(".") ? .double(number) : ParameterValue.int(Int(exactly: number) ?? 0))
        }
    }
}
