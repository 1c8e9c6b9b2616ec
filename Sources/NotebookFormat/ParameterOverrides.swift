/// Applies `-p name=value` overrides to the front matter's parameters.
enum ParameterOverrides {
    static func apply(_ overrides: [(name: String, value: String)], to frontMatter: inout FrontMatter, log: DiagnosticLog) {
        let at = SourceLocation(line: 1, column: 1)
        for (name, text) in overrides {
            guard let index = frontMatter.parameters.firstIndex(where: { $0.name == name }) else {
                log.report(
                    "the notebook has no parameter `\(name)`", at: at,
                    hint: NameSuggestion.hint(for: name, among: frontMatter.parameters.map(\.name)), origin: "-p \(name)=\(text)")
                continue
            }
            let current = frontMatter.parameters[index].value
            guard let value = current.parsingOverride(text) else {
                log.report("`\(name)` is \(current.typeName), and `\(text)` is not", at: at, origin: "-p \(name)=\(text)")
                continue
            }
            frontMatter.parameters[index].value = value
        }
    }
}
