import NotebookFormat
import Reports

/// One kind of directive block: decoded from its spec, then executed against the engine.
///
/// Adding a directive means one new file with a type conforming to this protocol, plus
/// its entry in `DirectiveCatalog.all`. A directive reads what it needs from its
/// ``DirectiveContext`` and returns everything it produced as a ``DirectiveResult``: the
/// cache, the report, the manifest and the run store take it from there.
protocol Directive: Sendable {
    /// The info-string word that names the directive (`load`, `train`, …).
    static var kind: String { get }
    /// Every key the directive's body accepts.
    static var keys: [String] { get }

    /// Decodes the body; reports problems to `spec.log` and returns `nil` when unusable.
    /// Names this directive defines must be declared in `plan`; names it uses must be resolved there.
    init?(spec: SpecReader, plan: PlanContext)

    /// A short label for the report, e.g. the model or dataset name.
    var label: String? { get }
    /// Names of the datasets, models and deployments this directive reads.
    var inputs: [String] { get }
    /// Names this directive defines.
    var outputs: [String] { get }
    /// What those names stand for: the datasets, models and deployments its result defines.
    var defines: [WorkspaceName] { get }
    /// Data files it reads, as written in the notebook (their content is part of its cache key).
    var dataFiles: [String] { get }
    /// Models whose metrics its result records.
    var evaluatedModels: [String] { get }
    /// Models whose recorded metrics it reads (so the directives that evaluated them are upstream).
    var evaluationInputs: [String] { get }

    /// Runs the directive against a snapshot of what it needs.
    func execute(in context: DirectiveContext) throws -> DirectiveResult
}

extension Directive {
    var defines: [WorkspaceName] { [] }
    var dataFiles: [String] { [] }
    var evaluatedModels: [String] { [] }
    var evaluationInputs: [String] { [] }
}

/// The directives a notebook may use.
enum DirectiveCatalog {
    static let all: [any Directive.Type] = [
        LoadDirective.self, ExploreDirective.self, TrainDirective.self,
        EvaluateDirective.self, DeployDirective.self, MonitorDirective.self,
    ]

    static let kinds: Set<String> = Set(all.map { $0.kind })

    static func type(of kind: String) -> (any Directive.Type)? {
        all.first { $0.kind == kind }
    }
}
