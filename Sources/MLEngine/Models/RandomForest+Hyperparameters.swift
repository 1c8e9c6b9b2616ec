extension RandomForest {
    /// Settings of the forest, named after scikit-learn's parameters (see ``parameterSpecs``).
    public struct Hyperparameters: Sendable, Equatable {
        /// The number of trees (`n_estimators`, ≥ 1).
        public var treeCount: Int
        /// Whether each tree sees a bootstrap sample (`bootstrap`); else every row once.
        public var bootstrap: Bool
        /// The settings of every tree; a `nil` ``DecisionTree/Hyperparameters/maxFeatures``
        /// means `sqrt` for classification and all columns for regression.
        public var tree: DecisionTree.Hyperparameters
        /// The threads that grow trees (`threads`); `nil` for the active processor count.
        /// Does not change the result.
        public var threads: Int?

        /// Creates forest settings; the defaults are scikit-learn's.
        public init(treeCount: Int = 100, bootstrap: Bool = true, tree: DecisionTree.Hyperparameters = .init(), threads: Int? = nil) {
            self.treeCount = treeCount
            self.bootstrap = bootstrap
            self.tree = tree
            self.threads = threads
        }

        /// The notebook parameters of a forest: the tree's, plus `n_estimators`, `bootstrap`
        /// and `threads`; `max_features` defaults to "sqrt" for classification, all for regression.
        public static let parameterSpecs: [ParameterSpec] = [
            ParameterSpec(name: "n_estimators", summary: "The number of trees.", defaultValue: .int(100), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "bootstrap", summary: "Whether each tree learns from a bootstrap sample of the rows.",
                          defaultValue: .bool(true), rule: .boolean),
        ] + DecisionTree.Hyperparameters.parameterSpecs.map { spec in
            spec.name == "max_features"
                ? ParameterSpec(
                    name: spec.name,
                    summary: "The columns examined per split (default \"sqrt\" for classification, all for regression).",
                    defaultValue: nil, rule: spec.rule)
                : spec
        } + [
            ParameterSpec(name: "threads", summary: "The threads that grow trees (default: the active processor count); the result does not depend on it.",
                          defaultValue: nil, rule: .optionalInteger(atLeast: 1)),
        ]

        /// Settings from parameters already validated against ``parameterSpecs``.
        public init(resolved: [String: ParameterValue]) {
            var bootstrap = true
            if case .bool(let flag)? = resolved["bootstrap"] { bootstrap = flag }
            self.init(
                treeCount: resolved["n_estimators"]?.intValue ?? 100,
                bootstrap: bootstrap,
                tree: DecisionTree.Hyperparameters(resolved: resolved),
                threads: resolved["threads"]?.intValue
            )
        }
    }
}
