import Testing
@testable import MLEngine

@Suite("ModelParameters")
struct ModelParametersTests {
    @Test("lists parameter names in documentation order")
    func names() {
        #expect(ModelParameters.parameterNames(for: .logisticRegression) == ["C", "max_iter", "tol", "penalty"])
        #expect(ModelParameters.parameterNames(for: .decisionTree) == ["criterion", "max_depth", "min_samples_split", "min_samples_leaf", "max_leaf_nodes", "max_features", "min_impurity_decrease"])
    }

    @Test("fills defaults and canonicalises values")
    func resolve() throws {
        #expect(try ModelParameters.resolve(kind: .logisticRegression, params: [:]) == [
            "C": .double(1), "max_iter": .int(100), "tol": .double(1e-4), "penalty": .string("l2"),
        ])
        #expect(try ModelParameters.resolve(kind: .logisticRegression, params: ["C": .int(2), "max_iter": .double(50)]) == [
            "C": .double(2), "max_iter": .int(50), "tol": .double(1e-4), "penalty": .string("l2"),
        ])
        #expect(try ModelParameters.resolve(kind: .decisionTree, params: ["max_depth": .string("8"), "criterion": .string("Entropy")]) == [
            "max_depth": .int(8), "min_samples_split": .int(2), "min_samples_leaf": .int(1), "criterion": .string("entropy"),
            "min_impurity_decrease": .double(0),
        ])
        #expect(try ModelParameters.resolve(kind: .decisionTree, params: ["max_depth": .string("none")])["max_depth"] == nil)
    }

    @Test("names the valid parameters for an unknown one")
    func unknown() {
        #expect(throws: ModelError(
            #"unknown parameter "max_dept" for decision_tree; valid parameters are: criterion, max_depth, min_samples_split, min_samples_leaf, max_leaf_nodes, max_features, min_impurity_decrease"#
        )) {
            try ModelParameters.validate(kind: .decisionTree, params: ["max_dept": .int(3)])
        }
        #expect(throws: ModelError(#"unknown parameter "c" for logistic_regression; valid parameters are: C, max_iter, tol, penalty"#)) {
            try ModelParameters.validate(kind: .logisticRegression, params: ["c": .double(1)])
        }
    }

    @Test("names the valid range for a bad value")
    func outOfRange() {
        let cases: [(ModelKind, String, ParameterValue, String)] = [
            (.logisticRegression, "C", .int(-1), #"parameter "C" must be a number > 0; got -1"#),
            (.logisticRegression, "C", .double(0), #"parameter "C" must be a number > 0; got 0.0"#),
            (.logisticRegression, "tol", .string("small"), #"parameter "tol" must be a number > 0; got "small""#),
            (.logisticRegression, "max_iter", .bool(true), #"parameter "max_iter" must be an integer >= 1; got true"#),
            (.logisticRegression, "max_iter", .double(2.5), #"parameter "max_iter" must be an integer >= 1; got 2.5"#),
            (.decisionTree, "max_depth", .int(0), #"parameter "max_depth" must be an integer >= 1, or "none" for no limit; got 0"#),
            (.decisionTree, "min_samples_leaf", .int(0), #"parameter "min_samples_leaf" must be an integer >= 1; got 0"#),
            (.decisionTree, "min_samples_split", .int(1), #"parameter "min_samples_split" must be an integer >= 2; got 1"#),
            (.decisionTree, "criterion", .string("gino"), #"parameter "criterion" must be one of "gini", "entropy", "log_loss", "squared_error"; got "gino""#),
        ]
        for (kind, name, value, message) in cases {
            #expect(throws: ModelError(message)) {
                try ModelParameters.validate(kind: kind, params: [name: value])
            }
        }
    }

    @Test("training reports bad parameters before touching the data")
    func trainValidates() {
        #expect(throws: ModelError(#"parameter "max_depth" must be an integer >= 1, or "none" for no limit; got 0"#)) {
            try TrainedModel.train(
                kind: .decisionTree, parameters: ["max_depth": .int(0)], frame: DataFrame(columns: []),
                features: ["x"], target: "y", positive: "1"
            )
        }
    }
}
