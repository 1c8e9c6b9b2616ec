import MLEngine
import NotebookFormat

/// The `search` mapping of `train`: what to search, how, on what budget and how each trial
/// is scored.
///
/// ```train
/// name: booster
/// data: census
/// model: gradient_boosting
/// search:
///   strategy: tpe
///   budget: {fits: 60}
///   holdout: 0.2
///   space:
///     learning_rate: {low: 0.01, high: 0.3, log: true}
///     max_leaf_nodes: {low: 8, high: 256, log: true}
///     min_samples_leaf: [5, 20, 100]
/// ```
struct TrainSearch: Sendable, Equatable {
    static let keys = ["strategy", "budget", "cv", "holdout", "metric", "space", "points", "resource", "models"]
    static let budgetKeys = ["fits", "trials", "seconds"]

    /// How trials are scored.
    enum Validation: Sendable, Equatable {
        /// Stratified k-fold cross-validation (plain k-fold for regression).
        case folds(Int)
        /// One stratified holdout of this share of the training rows.
        case holdout(Double)
        /// 5-fold cross-validation below 10,000 training rows, a 20 % holdout from there on.
        case automatic
    }

    var strategy: SearchStrategy
    /// The budget as written: model fits, or trials.
    var fits: Int?
    var trials: Int?
    /// An optional wall-clock cap; a search it stops is not reproducible.
    var seconds: Double?
    var validation: Validation
    /// The metric to optimise; `nil` means the notebook's `metric`, else ROC AUC / R².
    var metric: String?
    /// The spaces by model kind, as written (kinds without one use their defaults).
    var spaces: [ModelKind: [SearchDimension]]
    /// For `model: auto`: the kinds to try; `nil` means the task's default list.
    var models: [ModelKind]?
    var points: Int
    var resource: HalvingResource

    /// The default budget when none is written.
    static let defaultTrials = 20

    /// Reads `search`; `model` is `nil` for `model: auto`. Returns `nil` after reporting problems.
    static func read(_ spec: SpecReader, model: ModelKind?, fixed: [String: MLEngine.ParameterValue], notebookMetric: String?) -> TrainSearch? {
        var valid = true
        let strategyName = spec.choice("strategy", among: SearchStrategy.allCases.map(\.rawValue))
        let strategy = strategyName.flatMap(SearchStrategy.init(rawValue:)) ?? (model == nil ? .auto : .tpe)
        if spec.has("strategy"), strategyName == nil { valid = false }
        if model == nil, strategy != .auto, strategy != .random, strategy != .grid {
            spec.error(
                "`model: auto` searches several models: use `strategy: auto` (or `random`, `grid`); `\(strategy.rawValue)` searches one",
                at: spec.location(of: "strategy"))
            valid = false
        }
        if model != nil, strategy == .auto {
            spec.error("`strategy: auto` chooses among models: write `model: auto` (and optionally `models:`)", at: spec.location(of: "strategy"))
            valid = false
        }
        var fits: Int?
        var trials: Int?
        var seconds: Double?
        if let budget = spec.mapping("budget", allowedKeys: budgetKeys) {
            fits = budget.int("fits", range: 1...100_000)
            trials = budget.int("trials", range: 1...100_000)
            seconds = budget.double("seconds", range: 0.001...1e9)
            if budget.has("fits"), budget.has("trials") {
                budget.error("give the budget in `fits` or in `trials`, not both", at: budget.location(of: "trials"))
                valid = false
            }
        } else if spec.has("budget") {
            valid = false
        }
        var validation = Validation.automatic
        if spec.has("cv"), spec.has("holdout") {
            spec.error("score trials by `cv` (folds) or by `holdout` (a share), not both", at: spec.location(of: "holdout"))
            valid = false
        } else if let folds = spec.int("cv", range: 2...50) {
            validation = .folds(folds)
        } else if let share = spec.double("holdout", range: 0.01...0.9) {
            validation = .holdout(share)
        } else if spec.has("cv") || spec.has("holdout") {
            valid = false
        }
        let metric = spec.choice("metric", among: MetricCatalog.scalar)
        if spec.has("metric"), metric == nil { valid = false }
        let points = spec.int("points", range: 2...100) ?? 5
        if spec.has("points"), strategy != .grid {
            spec.error("`points` sets the values per numeric dimension of `strategy: grid`", at: spec.location(of: "points"))
            valid = false
        }
        var resource = HalvingResource.rows
        if let name = spec.string("resource") {
            if strategy != .halving {
                spec.error("`resource` applies to `strategy: halving`", at: spec.location(of: "resource"))
                valid = false
            } else if name != "rows" {
                if let model, !ModelParameters.parameterNames(for: model).contains(name) || !["max_iter", "n_estimators"].contains(name) {
                    spec.error(
                        "`resource` is `rows` or a count the model grows: `max_iter` (gradient boosting) or `n_estimators` (random forest)",
                        at: spec.location(of: "resource"))
                    valid = false
                }
                resource = .parameter(name)
            }
        }
        var models: [ModelKind]?
        if let list = spec.stringList("models") {
            if model != nil {
                spec.error("`models` lists the kinds `model: auto` tries", at: spec.location(of: "models"))
                valid = false
            }
            var kinds: [ModelKind] = []
            for (name, location) in list {
                guard let kind = ModelKind(rawValue: name) else {
                    spec.error("unknown model `\(name)`", at: location,
                               hint: NameSuggestion.hint(for: name, among: ModelKind.allCases.map(\.rawValue)))
                    valid = false
                    continue
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            models = kinds
        }
        var spaces: [ModelKind: [SearchDimension]] = [:]
        if let entries = spec.entries("space") {
            if let model {
                guard let dimensions = SearchSpaceReader.dimensions(entries, model: model, fixed: fixed, spec: spec) else { return nil }
                spaces[model] = dimensions
            } else {
                for entry in entries {
                    guard let kind = ModelKind(rawValue: entry.key) else {
                        spec.error("with `model: auto`, `space` maps model kinds to their spaces; `\(entry.key)` is not a model kind",
                                   at: entry.keyLocation, hint: NameSuggestion.hint(for: entry.key, among: ModelKind.allCases.map(\.rawValue)))
                        valid = false
                        continue
                    }
                    guard case .map(let inner) = entry.value.value else {
                        spec.error("the space of `\(entry.key)` must be a mapping of parameters", at: entry.value.location)
                        valid = false
                        continue
                    }
                    guard let dimensions = SearchSpaceReader.dimensions(inner, model: kind, fixed: [:], spec: spec) else {
                        valid = false
                        continue
                    }
                    spaces[kind] = dimensions
                }
            }
        } else if spec.has("space") {
            valid = false
        }
        guard valid else { return nil }
        return TrainSearch(
            strategy: strategy, fits: fits, trials: trials, seconds: seconds, validation: validation, metric: metric ?? notebookMetric,
            spaces: spaces, models: models, points: points, resource: resource)
    }
}
