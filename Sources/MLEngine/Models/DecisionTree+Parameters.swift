extension DecisionTree {
    /// The notebook parameters of a decision tree, in documentation order.
    public static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(name: "max_depth", summary: "The deepest a leaf may be (the root is depth 0).",
                      defaultValue: nil, rule: .optionalInteger(atLeast: 1)),
        ParameterSpec(name: "min_samples_split", summary: "The fewest rows a node needs to be split.",
                      defaultValue: .int(2), rule: .integer(atLeast: 2)),
        ParameterSpec(name: "min_samples_leaf", summary: "The fewest rows each side of a split must keep.",
                      defaultValue: .int(1), rule: .integer(atLeast: 1)),
        ParameterSpec(name: "criterion", summary: "The impurity a split minimises.",
                      defaultValue: .string("gini"), rule: .oneOf(DecisionTree.Criterion.allCases.map(\.rawValue))),
    ]
}
