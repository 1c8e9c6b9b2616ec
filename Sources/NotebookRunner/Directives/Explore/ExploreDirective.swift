import MLEngine
import NotebookFormat
import Reports

/// `explore`: summaries, distributions, relations and feature importance of a dataset.
///
/// ```explore
/// data: census
/// show: [summary, warnings, target, histogram(age), target_rate(education), correlations, importance]
/// ```
struct ExploreDirective: Directive {
    static let kind = "explore"
    static let keys = ["data", "show", "bins"]

    /// One item of `show`.
    enum Item: Equatable, Sendable {
        case summary, missing, target, warnings, outliers, correlations, associations, importance
        case histogram(String)
        case targetRate(String)

        static let plain: [String: Item] = [
            "summary": .summary, "missing": .missing, "target": .target, "warnings": .warnings,
            "outliers": .outliers, "correlations": .correlations, "associations": .associations,
            "importance": .importance,
        ]
        static let names = plain.keys.sorted() + ["histogram(COLUMN)", "target_rate(COLUMN)"]

        init?(_ text: String) {
            if let item = Self.plain[text] {
                self = item
            } else if let column = Self.argument(of: text, function: "histogram") {
                self = .histogram(column)
            } else if let column = Self.argument(of: text, function: "target_rate") {
                self = .targetRate(column)
            } else {
                return nil
            }
        }

        private static func argument(of text: String, function: String) -> String? {
            guard text.hasPrefix(function + "("), text.hasSuffix(")") else { return nil }
            let argument = String(text.dropFirst(function.count + 1).dropLast())
            return argument.isEmpty ? nil : argument
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
        var mentioned: [(value: String, location: SourceLocation)] = []
        let defaults = ["summary", "warnings", "target"].map { ($0, spec.location) }
        for (text, location) in spec.stringList("show") ?? defaults {
            guard let item = Item(text) else {
                let candidates = Item.plain.keys.sorted() + ["histogram", "target_rate"]
                let function = String(text.prefix { $0 != "(" })
                spec.error(
                    "unknown `show` item `\(text)`; use one of \(Item.names.joined(separator: ", "))", at: location,
                    hint: NameSuggestion.hint(for: function, among: candidates))
                continue
            }
            items.append(item)
            switch item {
            case .histogram(let column), .targetRate(let column): mentioned.append((column, location))
            default: break
            }
        }
        self.items = items
        guard let data = spec.string("data", required: true),
            plan.resolveDataset(data, at: spec.location(of: "data"), spec: spec) != nil
        else { return nil }
        plan.checkColumns(mentioned, in: data, spec: spec)
        self.data = data
    }

    func execute(in context: DirectiveContext) throws -> DirectiveResult {
        let view = try context.dataset(data)
        var outputs: [ReportOutput] = []
        for item in items {
            switch item {
            case .summary: outputs.append(.table(ExplorationTables.summary(view.frame)))
            case .missing: outputs += ExplorationTables.missing(view.frame)
            case .warnings: outputs += ExplorationTables.warnings(view.frame)
            case .outliers: outputs.append(ExplorationTables.outliers(view.frame))
            case .target: outputs.append(.chart(try ExplorationTables.targetBalance(view)))
            case .histogram(let column):
                outputs.append(.chart(try ExplorationTables.distribution(view.frame, column: column, bins: bins)))
            case .targetRate(let column): outputs.append(try ExplorationRelations.targetRate(view, column: column, bins: bins))
            case .correlations: outputs += ExplorationRelations.correlations(view.frame)
            case .associations: outputs.append(ExplorationRelations.associations(view.frame))
            case .importance:
                var generator = context.generator(for: "explore:\(data):importance")
                outputs += try ExplorationRelations.importance(view, generator: &generator)
            }
        }
        return DirectiveResult(outputs: outputs)
    }
}
