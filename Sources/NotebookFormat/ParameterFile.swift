/// Parameter values read from a YAML file (`labbook run --params file.yaml`).
///
/// The file is a mapping of parameter name to value. Each value is checked against the type
/// of the parameter's front-matter default, exactly like `-p name=value`; an unknown name or a
/// wrong type is reported at its place in the file:
///
/// ```text
/// grid.yaml:2:12: error: `max_depth` is int; got a string
/// ```
public struct ParameterFile: Sendable, Equatable {
    /// The file's path as the user named it (used in diagnostics).
    public var path: String
    /// The file's text.
    public var source: String

    /// A parameter file with its text already read.
    public init(path: String, source: String) {
        self.path = path
        self.source = source
    }

    /// Applies the file's values to `frontMatter`; returns the located problems (in the file).
    func apply(to frontMatter: inout FrontMatter) -> [Diagnostic] {
        let log = DiagnosticLog(file: path, source: source)
        let placement = YAMLLoader.Placement(firstLine: 1, columnOffset: 0)
        guard let node = YAMLLoader.load(source, placement: placement, log: log) else { return log.diagnostics }
        guard case .map(let entries) = node.value else {
            if node.value != .null {
                log.report("a parameter file is a YAML mapping of parameter names to values; found \(node.typeName)", at: node.location)
            }
            return log.diagnostics
        }
        let names = frontMatter.parameters.map(\.name)
        for entry in entries {
            guard let index = names.firstIndex(of: entry.key) else {
                log.report(
                    "the notebook has no parameter `\(entry.key)`", at: entry.keyLocation,
                    hint: NameSuggestion.hint(for: entry.key, among: names)
                        ?? (names.isEmpty ? "declare it under `params:` in the notebook's front matter" : nil))
                continue
            }
            let current = frontMatter.parameters[index].value
            guard let value = current.converting(entry.value) else {
                if case .list(let defaults) = current, case .list(let items) = entry.value.value,
                    let bad = items.first(where: { item in defaults.first.map { $0.converting(item) == nil } ?? (item.value.scalarText == nil) })
                {
                    let element = defaults.first?.typeName ?? "string"
                    log.report("`\(entry.key)` is a list of \(element); got \(bad.typeName)", at: bad.location)
                } else {
                    log.report(
                        "`\(entry.key)` is \(current.typeName); got \(entry.value.typeName)", at: entry.value.location)
                }
                continue
            }
            frontMatter.parameters[index].value = value
        }
        return log.diagnostics
    }
}

extension ParamValue {
    /// `node` as a value of the same type as `self`, or `nil` when it is not one.
    /// An integer is accepted for a double; any scalar is accepted for a string.
    func converting(_ node: SpecNode) -> ParamValue? {
        switch (self, node.value) {
        case (.int, .int(let value)): return .int(value)
        case (.double, .int(let value)): return .double(Double(value))
        case (.double, .double(let value)): return .double(value)
        case (.bool, .bool(let value)): return .bool(value)
        case (.string, let value): return value.scalarText.map(ParamValue.string)
        case (.list(let defaults), .list(let items)):
            var values: [ParamValue] = []
            for item in items {
                if let element = defaults.first {
                    guard let value = element.converting(item) else { return nil }
                    values.append(value)
                } else {
                    guard let text = item.value.scalarText else { return nil }
                    values.append(.string(text))
                }
            }
            return .list(values)
        default: return nil
        }
    }
}
