extension SearchSpace {
    /// The space searched for `kind` when a notebook names none: the parameters that matter
    /// most, on log scales where they span orders of magnitude, each with a low-cost start
    /// in FLAML's manner (few, small trees first). `fixed` parameters are left out of it.
    public static func defaults(for kind: ModelKind, fixed: [String: ParameterValue] = [:]) -> SearchSpace {
        let dimensions: [SearchDimension] = switch kind {
        case .gradientBoosting: [
            SearchDimension(name: "max_iter", domain: .integer(low: 4, high: 1000, log: true), start: .int(4)),
            SearchDimension(name: "max_leaf_nodes", domain: .integer(low: 4, high: 256, log: true), start: .int(4)),
            SearchDimension(name: "learning_rate", domain: .real(low: 0.01, high: 0.5, log: true), start: .double(0.1)),
            SearchDimension(name: "min_samples_leaf", domain: .integer(low: 2, high: 128, log: true), start: .int(20)),
            SearchDimension(name: "l2_regularization", domain: .real(low: 0.001, high: 10, log: true), start: .double(0.001)),
            SearchDimension(name: "colsample_bytree", domain: .real(low: 0.5, high: 1, log: false), start: .double(1)),
        ]
        case .randomForest: [
            SearchDimension(name: "n_estimators", domain: .integer(low: 4, high: 300, log: true), start: .int(4)),
            SearchDimension(name: "max_leaf_nodes", domain: .integer(low: 4, high: 4096, log: true), start: .int(4)),
            SearchDimension(name: "max_features", domain: .real(low: 0.1, high: 1, log: true), start: .double(0.5)),
            SearchDimension(name: "min_samples_leaf", domain: .integer(low: 1, high: 32, log: true), start: .int(1)),
        ]
        case .decisionTree: [
            SearchDimension(name: "max_depth", domain: .integer(low: 2, high: 30, log: false), start: .int(3)),
            SearchDimension(name: "min_samples_leaf", domain: .integer(low: 1, high: 128, log: true), start: .int(20)),
        ]
        case .logisticRegression: [
            SearchDimension(name: "C", domain: .real(low: 0.001, high: 1000, log: true), start: .double(1)),
            SearchDimension(name: "penalty", domain: .choice([.string("l2"), .string("l1")]), start: .string("l2")),
        ]
        case .linearRegression: [
            SearchDimension(name: "alpha", domain: .real(low: 0.0001, high: 100, log: true), start: .double(1)),
            SearchDimension(name: "penalty", domain: .choice([.string("l2"), .string("l1")]), start: .string("l2")),
        ]
        case .kNearestNeighbors: [
            SearchDimension(name: "n_neighbors", domain: .integer(low: 1, high: 100, log: true), start: .int(5)),
            SearchDimension(name: "weights", domain: .choice([.string("uniform"), .string("distance")]), start: .string("uniform")),
            SearchDimension(name: "p", domain: .choice([.int(2), .int(1)]), start: .int(2)),
        ]
        case .naiveBayes: [
            SearchDimension(name: "var_smoothing", domain: .real(low: 1e-12, high: 0.01, log: true), start: .double(1e-9)),
            SearchDimension(name: "alpha", domain: .real(low: 0.01, high: 10, log: true), start: .double(1)),
        ]
        }
        return SearchSpace(model: kind, dimensions: dimensions.filter { fixed[$0.name] == nil }, fixed: fixed)
    }

    /// The kinds `model: auto` tries for a task, cheapest first (FLAML's learner list, in
    /// this engine's families).
    public static func automaticModels(for task: LearningTask.Family) -> [ModelKind] {
        switch task {
        case .binary, .multiclass: [.gradientBoosting, .randomForest, .logisticRegression, .decisionTree]
        case .regression: [.gradientBoosting, .randomForest, .linearRegression, .decisionTree]
        }
    }
}
