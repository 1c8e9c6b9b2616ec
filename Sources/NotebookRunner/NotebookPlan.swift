import Foundation
import NotebookFormat

/// A checked notebook: every directive decoded and every reference resolved.
struct NotebookPlan: Sendable {
    /// A decoded directive with its cell.
    struct Step: Sendable {
        var cell: DirectiveCell
        var directive: any Directive
    }

    var notebook: Notebook
    var steps: [Step]
    var diagnostics: [Diagnostic]
    var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    /// Parses and checks `source` without executing anything. Problems in `parameterFile`
    /// come first, then the notebook's in source order.
    static func make(
        source: String, path: String, overrides: [(name: String, value: String)], parameterFile: ParameterFile? = nil,
        allowedReads: [String] = []
    ) -> NotebookPlan {
        let parsed = NotebookParser.parse(
            source: source, path: path, directiveKinds: DirectiveCatalog.kinds, parameterOverrides: overrides,
            parameterFile: parameterFile)
        let context = PlanContext(baseDirectory: NotebookPaths(notebook: path).baseDirectory, allowedReads: allowedReads)
        context.notebookMetric = parsed.notebook.frontMatter.metric
        var steps: [Step] = []
        for cell in parsed.notebook.directives {
            guard let body = cell.body, let type = DirectiveCatalog.type(of: cell.kind) else { continue }
            let spec = SpecReader(body, directive: cell.kind, at: cell.location, allowedKeys: type.keys, log: parsed.log)
            if let directive = type.init(spec: spec, plan: context) {
                steps.append(Step(cell: cell, directive: directive))
            }
        }
        if let metric = parsed.notebook.frontMatter.metric, !MetricCatalog.scalar.contains(metric) {
            parsed.log.report(
                "unknown metric `\(metric)`; the goal metric is one of \(MetricCatalog.scalar.joined(separator: ", "))",
                at: parsed.notebook.frontMatter.metricLocation ?? SourceLocation(line: 1, column: 1),
                hint: MetricCatalog.commonNames[metric].map { "did you mean `\($0)`?" }
                    ?? NameSuggestion.hint(for: metric, among: MetricCatalog.scalar))
        }
        let diagnostics = parsed.log.diagnostics.sorted {
            let start = SourceLocation(line: 0, column: 0)
            return ($0.file == path ? 1 : 0, $0.location ?? start) < ($1.file == path ? 1 : 0, $1.location ?? start)
        }
        return NotebookPlan(notebook: parsed.notebook, steps: steps, diagnostics: diagnostics)
    }
}
