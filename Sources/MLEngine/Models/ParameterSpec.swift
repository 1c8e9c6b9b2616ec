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
        }
    }
}
