import MLEngine
import NotebookFormat
import Reports

/// `explore`: summaries and distributions of a dataset.
///
/// ```explore
/// data: census
/// show: [summary, target, histogram(age), importance]
/// ```
struct ExploreDirective: Directive {
    static let kind = "explore"
    static let keys = ["data", "show", "bins"]

    /// One item of `show`.
    enum Item: Equatable, Sendable {
        case summary, missing, target, importance
        case histogram(String)

        static let names = ["summary", "missing", "target", "importance", "histogram(COLUMN)"]

        init?(_ text: String) {
            switch text {
            case "summary": self = .summary
            case "missing": self = .missing
            case "target": self = .target
            case "importance": self = .importance
            default:
                guard text.hasPrefix("histogram("), text.hasSuffix(")") else { return nil }
                let column = String(text.dropFirst("histogram(".count).dropLast())
                guard !column.isEmpty else { return nil }
                self = .histogram(column)
            }
        }
    }

    var data: String
    var items: [Item]
    var bins: Int

    var label: String? { data }
    var inputs: [String] { [PlanContext.split(data).base] }
    var outputs: [String] { [] }

    init?(spec: SpecReader, plan: PlanContext) {
        bins = spec.int("bins", range: 2...100) ?? 10
        var items: [Item] = []
        for (text, location) in spec.stringList("show") ?? [("summary", spec.location), ("target", spec.location)] {
            guard let item = Item(text) else {
                spec.error(
                    "unknown `show` item `\(text)`; use one of \(Item.names.joined(separator: ", "))", at: location,
                    hint: NameSuggestion.hint(for: text, among: Item.names.dropLast()))
                continue
            }
            items.append(item)
        }
        self.items = items
        guard let data = spec.string("data", required: true),
            plan.resolveDataset(data, at: spec.location(of: "data"), spec: spec) != nil
        else { return nil }
        self.data = data
    }

    func execute(in workspace: Workspace) throws -> [ReportOutput] {
        let view = try workspace.dataset(data)
        var outputs: [ReportOutput] = []
        for item in items {
            switch item {
            case .summary: outputs.append(.table(ExplorationTables.summary(view.frame)))
            case .missing: outputs.append(ExplorationTables.missing(view.frame))
            case .target: outputs.append(.chart(try ExplorationTables.targetBalance(view)))
            case .histogram(let column): outputs.append(.chart(try ExplorationTables.distribution(view.frame, column: column, bins: bins)))
            case .importance: outputs.append(contentsOf: try ExplorationTables.importance(view))
            }
        }
        return outputs
    }
}
