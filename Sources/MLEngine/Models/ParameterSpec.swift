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
        /// A number strictly between 0 and 1.
        case openFraction
        /// A whole number in this closed range.
        case integerIn(ClosedRange<Int>)
        /// `true`, `false` or `"auto"`.
        case boolOrAuto
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
        case .openFraction: "a number in (0, 1)"
        case .integerIn(let range): "an integer in [\(range.lowerBound), \(range.upperBound)]"
        case .boolOrAuto: "true, false, or \"auto\""
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
        case .openFraction:
            if case .bool = value { return nil }
            guard let number = value.doubleValue, number > 0, number < 1 else { return nil }
            return .some(.double(number))
        case .integerIn(let range):
            if case .bool = value { return nil }
            guard let number = value.intValue, range.contains(number) else { return nil }
            return .some(.int(number))
        case .boolOrAuto:
            switch value {
            case .bool(let flag): return .some(.bool(flag))
            case .string(let text) where text.lowercased() == "auto": return .some(.string("auto"))
            case .string(let text) where ["true", "false"].contains(text.lowercased()): return .some(.bool(text.lowercased() == "true"))
            default: return nil
            }
        }
    }
}
