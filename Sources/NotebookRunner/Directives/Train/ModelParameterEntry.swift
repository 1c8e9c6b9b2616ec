import MLEngine
import NotebookFormat

/// Reading one `NAME: value` entry of model parameters (`params`, a search `space`).
enum ModelParameterEntry {
    /// Whether `entry` names a parameter of `model`; reports the unknown name with a hint.
    static func isKnown(_ entry: SpecEntry, model: ModelKind, spec: SpecReader) -> Bool {
        let names = ModelParameters.parameterNames(for: model)
        guard !names.contains(entry.key) else { return true }
        spec.error(
            "`\(model.rawValue)` has no parameter `\(entry.key)`", at: entry.keyLocation,
            hint: NameSuggestion.hint(for: entry.key, among: names) ?? "its parameters: " + names.joined(separator: ", "))
        return false
    }

    /// A scalar as a parameter value; `nil` for null, lists and mappings.
    static func value(_ node: SpecNode) -> MLEngine.ParameterValue? {
        switch node.value {
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .bool(let flag): .bool(flag)
        case .string(let text): .string(text)
        case .null, .list, .map: nil
        }
    }
}
