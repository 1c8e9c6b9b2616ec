import Foundation
import MLEngine
import NotebookFormat
import Reports

/// Builds the report model from the notebook and what its directives produced.
enum ReportAssembly {
    static func report(_ execution: Execution) -> Report {
        let notebook = execution.plan.notebook
        let run = execution.run
        let sections = Dictionary(
            execution.steps.map { ($0.cell.location, $0.section(notebookPath: run.notebookPath)) }, uniquingKeysWith: { $1 })
        let blocks: [ReportBlock] = notebook.cells.compactMap { cell in
            switch cell {
            case .prose(let prose):
                let headings = prose.headings.map { ProseHeading(level: $0.level, text: $0.text, htmlOffset: $0.htmlOffset) }
                return .prose(Prose(html: prose.html, markdown: prose.markdown, headings: headings))
            case .directive(let directive):
                return sections[directive.location].map(ReportBlock.directive)
            }
        }
        let frontMatter = notebook.frontMatter
        return Report(
            title: title(notebook), question: frontMatter.question,
            goal: goal(frontMatter, evaluations: execution.steps.evaluations), blocks: blocks,
            footer: footer(notebook, run: run, filesRead: execution.steps.filesRead))
    }

    /// The front matter's `title`, else the notebook's file name without its extension.
    static func title(_ notebook: Notebook) -> String {
        notebook.frontMatter.title ?? ((notebook.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// The goal line: the front matter's `metric` and `goal`, and the best evaluated value of it.
    static func goal(_ frontMatter: FrontMatter, evaluations: [MetricRecord]) -> GoalStatus? {
        guard let metric = frontMatter.metric else { return nil }
        let target = frontMatter.goal ?? ""
        guard let best = best(of: metric, goal: frontMatter.goal, evaluations: evaluations) else {
            return GoalStatus(metric: metric, target: target, achieved: nil, met: nil)
        }
        return GoalStatus(
            metric: metric, target: target, achieved: "\(NumberFormat.fixed(best.value, decimals: 4)) (\(best.model))",
            met: GoalExpression(target)?.isMet(by: best.value))
    }

    /// The best evaluated value of `metric` and its model: the lowest when `goal` is an upper
    /// bound (or, without a goal, for `log_loss`), else the highest.
    static func best(of metric: String, goal: String?, evaluations: [MetricRecord]) -> (model: String, value: Double)? {
        let expression = GoalExpression(goal ?? "")
        let lowerIsBetter = expression.map { $0.comparison == .atMost || $0.comparison == .less } ?? (metric == "log_loss")
        let candidates = evaluations.compactMap { evaluation in
            evaluation.metrics[metric].map { (model: evaluation.model, value: $0) }
        }
        return candidates.min(by: { lowerIsBetter ? $0.value < $1.value : $0.value > $1.value })
    }

    private static func footer(_ notebook: Notebook, run: RunContext, filesRead: [FileRead]) -> ReportFooter {
        var items = [FooterItem(label: "notebook", value: "\(run.notebookPath) (\(run.notebookHash))")]
        items += filesRead.map { FooterItem(label: "data", value: "\($0.path) (\($0.fingerprint))") }
        let parameters = notebook.frontMatter.parameters.map { "\($0.name)=\($0.value.text)" }
        if !parameters.isEmpty { items.append(FooterItem(label: "parameters", value: parameters.joined(separator: ", "))) }
        items.append(FooterItem(label: "seed", value: String(run.seed)))
        items.append(FooterItem(label: "engine", value: "Labbook \(EngineInfo.version)"))
        let manifest = run.paths.manifestName
        items.append(FooterItem(label: "manifest", value: manifest, link: manifest))
        return ReportFooter(items: items)
    }
}
