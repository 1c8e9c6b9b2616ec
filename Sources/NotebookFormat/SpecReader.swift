/// Typed, located access to a directive body (a YAML mapping).
///
/// Every problem — an unknown key, a wrong type, a missing required key, a value out of
/// range — is reported to the shared `DiagnosticLog` at the offending key's place in the
/// notebook; accessors then return `nil` so checking can go on and find more.
///
/// ```swift
/// let spec = SpecReader(body, directive: "load", at: fence, allowedKeys: ["name", "from"], log: log)
/// let name = spec.string("name", required: true)
/// ```
public final class SpecReader: @unchecked Sendable {
    /// The directive kind, for messages (`load`, `train`, …).
    public let directive: String
    /// Where the directive (or the nested mapping) starts.
    public let location: SourceLocation
    /// The shared log that collects problems.
    public let log: DiagnosticLog
    private let entries: [SpecEntry]

    /// Reads `node`, which must be a mapping; reports keys outside `allowedKeys`.
    public init(
        _ node: SpecNode, directive: String, at location: SourceLocation, allowedKeys: [String],
        log: DiagnosticLog
    ) {
        self.directive = directive
        self.location = location
        self.log = log
        switch node.value {
        case .map(let entries):
            self.entries = entries
        case .null:
            self.entries = []
        default:
            self.entries = []
            log.report("the body of `\(directive)` must be a YAML mapping of keys to values", at: node.location)
        }
        for entry in entries where !allowedKeys.contains(entry.key) {
            log.report(
                "unknown key `\(entry.key)` in `\(directive)`", at: entry.keyLocation,
                hint: NameSuggestion.hint(for: entry.key, among: allowedKeys)
                    ?? "valid keys: " + allowedKeys.joined(separator: ", "))
        }
    }

    /// Whether `key` is present.
    public func has(_ key: String) -> Bool { entry(key) != nil }

    /// The location of `key`'s value, or of the directive when the key is absent.
    public func location(of key: String) -> SourceLocation { entry(key)?.value.location ?? location }

    /// The raw node of `key`.
    public func node(_ key: String) -> SpecNode? { entry(key)?.value }

    /// Reports an error at `location` (a key's value, usually).
    public func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        log.report(message, at: location, hint: hint)
    }

    /// A string (any scalar is accepted and read as text).
    public func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required, expected: "a string") else { return nil }
        if let text = node.value.scalarText { return text }
        return mismatch(key, node, expected: "a string")
    }

    /// One of `choices`, with "did you mean" for near misses.
    public func choice(_ key: String, among choices: [String], required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard choices.contains(text) else {
            error(
                "`\(key)` must be one of \(choices.joined(separator: ", ")); got `\(text)`", at: location(of: key),
                hint: NameSuggestion.hint(for: text, among: choices))
            return nil
        }
        return text
    }

    /// An integer within `range`.
    public func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key, required: required, expected: "an integer") else { return nil }
        guard case .int(let number) = node.value else { return mismatch(key, node, expected: "an integer") }
        if let range, !range.contains(number) {
            error("`\(key)` must be between \(range.lowerBound) and \(range.upperBound); got \(number)", at: node.location)
            return nil
        }
        return number
    }

    /// A number (integers accepted) within `range`.
    public func double(_ key: String, required: Bool = false, range: ClosedRange<Double>? = nil) -> Double? {
        guard let node = value(key, required: required, expected: "a number") else { return nil }
        let number: Double
        switch node.value {
        case .int(let integer): number = Double(integer)
        case .double(let real): number = real
        default: return mismatch(key, node, expected: "a number")
        }
        if let range, !range.contains(number) {
            error(
                "`\(key)` must be between \(range.lowerBound) and \(range.upperBound); got \(node.value.scalarText ?? "")",
                at: node.location)
            return nil
        }
        return number
    }

    /// A boolean.
    public func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let node = value(key, required: required, expected: "true or false") else { return nil }
        guard case .bool(let flag) = node.value else { return mismatch(key, node, expected: "true or false") }
        return flag
    }

    /// A list of strings; a single scalar counts as a one-element list.
    public func stringList(_ key: String, required: Bool = false) -> [(value: String, location: SourceLocation)]? {
        guard let node = value(key, required: required, expected: "a list") else { return nil }
        switch node.value {
        case .list(let items):
            var result: [(String, SourceLocation)] = []
            for item in items {
                guard let text = item.value.scalarText else {
                    error("`\(key)` must be a list of names; found \(item.typeName)", at: item.location)
                    return nil
                }
                result.append((text, item.location))
            }
            return result
        default:
            if let text = node.value.scalarText { return [(text, node.location)] }
            return mismatch(key, node, expected: "a list")
        }
    }

    /// A nested mapping read by its own reader (sharing this log).
    public func mapping(_ key: String, allowedKeys: [String], required: Bool = false) -> SpecReader? {
        guard let node = value(key, required: required, expected: "a mapping") else { return nil }
        guard case .map = node.value else { return mismatch(key, node, expected: "a mapping") }
        return SpecReader(node, directive: "\(directive).\(key)", at: node.location, allowedKeys: allowedKeys, log: log)
    }

    /// The entries of a mapping-valued key, in order (e.g. free-form model parameters).
    public func entries(_ key: String) -> [SpecEntry]? {
        guard let node = value(key, required: false, expected: "a mapping") else { return nil }
        switch node.value {
        case .map(let entries): return entries
        case .null: return []
        default: return mismatch(key, node, expected: "a mapping")
        }
    }

    private func entry(_ key: String) -> SpecEntry? { entries.first { $0.key == key } }

    private func value(_ key: String, required: Bool, expected: String) -> SpecNode? {
        guard let entry = entry(key), entry.value.value != .null else {
            if required {
                error("`\(directive)` needs `\(key)` (\(expected))", at: location)
            }
            return nil
        }
        return entry.value
    }

    private func mismatch<T>(_ key: String, _ node: SpecNode, expected: String) -> T? {
        error("`\(key)` must be \(expected); found \(node.typeName)", at: node.location)
        return nil
    }
}
