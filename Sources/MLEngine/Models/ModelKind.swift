/// The kinds of model the engine can train, named as in notebooks.
public enum ModelKind: String, Codable, Sendable, CaseIterable {
    /// L2-regularised logistic regression on standardised features (``LogisticRegression``).
    ///
    /// Parameters:
    /// - `C`: inverse regularisation strength, a number > 0 (default 1.0).
    /// - `max_iter`: the most solver iterations, an integer >= 1 (default 100).
    /// - `tol`: stop when the largest gradient component is below this, a number > 0 (default 0.0001).
    case logisticRegression = "logistic_regression"

    /// A CART classification tree on unscaled features (``DecisionTree``).
    ///
    /// Parameters:
    /// - `max_depth`: the deepest a leaf may be, an integer >= 1 or "none" (default none).
    /// - `min_samples_split`: the fewest rows a node needs to be split, an integer >= 2 (default 2).
    /// - `min_samples_leaf`: the fewest rows each side of a split keeps, an integer >= 1 (default 1).
    /// - `criterion`: "gini" or "entropy" (default "gini").
    case decisionTree = "decision_tree"

    /// The parameters this kind accepts, in documentation order.
    public var parameters: [ParameterSpec] {
        switch self {
        case .logisticRegression:
            [
                ParameterSpec(name: "C", summary: "Inverse regularisation strength: smaller values regularise more.",
                              defaultValue: .double(1.0), rule: .positiveNumber),
                ParameterSpec(name: "max_iter", summary: "The most solver iterations.",
                              defaultValue: .int(100), rule: .integer(atLeast: 1)),
                ParameterSpec(name: "tol", summary: "Convergence tolerance on the largest gradient component.",
                              defaultValue: .double(1e-4), rule: .positiveNumber),
            ]
        case .decisionTree:
            [
                ParameterSpec(name: "max_depth", summary: "The deepest a leaf may be (the root is depth 0).",
                              defaultValue: nil, rule: .optionalInteger(atLeast: 1)),
                ParameterSpec(name: "min_samples_split", summary: "The fewest rows a node needs to be split.",
                              defaultValue: .int(2), rule: .integer(atLeast: 2)),
                ParameterSpec(name: "min_samples_leaf", summary: "The fewest rows each side of a split must keep.",
                              defaultValue: .int(1), rule: .integer(atLeast: 1)),
                ParameterSpec(name: "criterion", summary: "The impurity a split minimises.",
                              defaultValue: .string("gini"), rule: .oneOf(["gini", "entropy"])),
            ]
        }
    }
}
