import Foundation
import Testing
@testable import MLEngine

/// Reference trees from scikit-learn 1.9.1 `DecisionTreeClassifier` (identical for random_state 0…19,
/// so no ties decide them), produced by:
///
/// ```python
/// import numpy as np
/// from sklearn.tree import DecisionTreeClassifier
/// rng = np.random.default_rng(11)
/// n = 60
/// x1 = np.round(rng.uniform(0, 10, n), 2)
/// x2 = np.round(rng.normal(5, 2, n), 2)
/// x3 = np.round(rng.uniform(-1, 1, n), 3)
/// y = ((x1 > 4) & (x2 < 6) | (x3 > 0.6)).astype(float)
/// y = np.where(rng.random(n) < 0.12, 1 - y, y)
/// X = np.column_stack([x1, x2, x3])
/// test = np.array([[2.0, 5.0, 0.0], [7.5, 3.0, -0.5], [7.5, 8.0, 0.9], [5.0, 5.9, 0.1], [9.9, 1.0, 0.7]])
/// for params in [dict(max_depth=3), dict(max_depth=4, min_samples_leaf=5),
///                dict(criterion="entropy", max_depth=3), dict(min_samples_split=10)]:
///     t = DecisionTreeClassifier(random_state=0, **params).fit(X, y)
///     print(t.tree_.feature, t.tree_.threshold, t.tree_.value[:, 0, 1], t.feature_importances_,
///           t.predict_proba(test)[:, 1])
/// ```
/// scikit-learn stores `X` as float32, so its thresholds differ from ours in the 7th digit.
@Suite("DecisionTree")
struct DecisionTreeTests {
    static let x1: [Double] = [
        1.29, 4.99, 6.01, 0.29, 1.48, 9.28, 0.7, 1.3, 9.48, 6.22, 3.69, 5.11, 6.63, 2.75, 1.38, 7.88, 6.7, 5.12, 8.17, 5.49,
        9.81, 2.05, 5.54, 4.84, 3.53, 5.92, 2.35, 8.02, 8.67, 1.29, 4.67, 2.77, 0.83, 8.96, 4.3, 1.48, 6.73, 2.02, 9.01, 2.17,
        0.33, 2.01, 3.46, 4.69, 9.06, 6.97, 3.39, 0.17, 1.6, 9.96, 4.6, 6.91, 0.55, 0.34, 8.46, 5.88, 3.09, 3.17, 0.89, 1.73,
    ]
    static let x2: [Double] = [
        4.5, 6.56, 4.12, 4.96, 5.69, 3.25, 6.2, 4.79, 5.98, 3.96, 7.17, 6.21, 4.64, 6.26, 7.52, 8.58, 1.85, 6.77, 5.93, 4.81,
        2.99, 7.51, 2.48, 6.13, 7.6, 1.8, 4.39, 2.38, 5.49, 8.03, 9.05, 1.44, 3.85, 6.41, 8.16, 5.84, 3.51, 5.59, 4.97, 4.59,
        3.53, 5.77, 5.62, 4.81, 4.56, 2.43, 4.03, 7.41, 4.62, 2.12, 7.67, 6.06, 9.22, 5.13, 4.08, 2.1, 7.65, 10.14, 3.36, 3.71,
    ]
    static let x3: [Double] = [
        -0.77, 0.111, 0.274, -0.35, 0.287, -0.296, -0.739, -0.37, -0.209, 0.825, -0.769, -0.828, 0.123, 0.927, 0.815, 0.4,
        -0.866, 0.613, 0.367, -0.712, -0.07, -0.901, 0.604, 0.437, 0.609, 0.521, -0.465, 0.579, -0.502, -0.724, -0.219,
        -0.004, -0.428, 0.212, 0.205, -0.52, 0.245, -0.285, 0.469, -0.419, 0.598, -0.17, 0.106, 0.347, 0.037, -0.485, 0.959,
        -0.808, -0.35, 0.098, -0.943, -0.69, 0.599, 0.568, 0.274, 0.804, 0.511, -0.402, 0.29, -0.32,
    ]
    static let y: [Double] = [
        0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0,
        0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1,
    ]
    static let test: [Double] = [2.0, 5.0, 0.0, 7.5, 3.0, -0.5, 7.5, 8.0, 0.9, 5.0, 5.9, 0.1, 9.9, 1.0, 0.7]

    struct Reference: Sendable, CustomStringConvertible {
        var description: String
        var hyperparameters: DecisionTree.Hyperparameters
        var feature: [Int]
        var threshold: [Double]
        var value: [Double]
        var importances: [Double]
        var testProbabilities: [Double]
    }

    static let references = [
        Reference(
            description: "max_depth=3",
            hyperparameters: .init(maxDepth: 3),
            feature: [0, 2, 0, -1, -1, -1, 1, 0, -1, -1, -1],
            threshold: [5.305, 0.714, 3.495, 0, 0, 0, 6.02, 8.315, 0, 0, 0],
            value: [0.45, 0.2702702702702703, 0.20588235294117646, 0.125, 0.4, 1.0, 0.7391304347826086, 0.85, 1.0, 0.625, 0.0],
            importances: [0.5442444809331841, 0.2370795734208368, 0.21867594564597898],
            testProbabilities: [0.125, 1.0, 0.0, 0.4, 0.625]
        ),
        Reference(
            description: "max_depth=4, min_samples_leaf=5",
            hyperparameters: .init(maxDepth: 4, minSamplesLeaf: 5),
            feature: [0, 2, 0, 1, -1, -1, -1, -1, 0, -1, 2, -1, -1],
            threshold: [5.305, 0.604, 3.575, 4.12, 0, 0, 0, 0, 6.82, 0, 0.155, 0, 0],
            value: [
                0.45, 0.2702702702702703, 0.1875, 0.125, 0.4, 0.05263157894736842, 0.375, 0.8, 0.7391304347826086, 1.0,
                0.5714285714285714, 0.75, 0.3333333333333333,
            ],
            importances: [0.6253745842235753, 0.06639029445833072, 0.30823512131809394],
            testProbabilities: [0.05263157894736842, 0.75, 0.3333333333333333, 0.375, 0.3333333333333333]
        ),
        Reference(
            description: "criterion=entropy, max_depth=3",
            hyperparameters: .init(criterion: .entropy, maxDepth: 3),
            feature: [0, 2, 0, -1, -1, -1, 1, 0, -1, -1, -1],
            threshold: [5.305, 0.714, 0.86, 0, 0, 0, 6.02, 8.315, 0, 0, 0],
            value: [0.45, 0.2702702702702703, 0.20588235294117646, 0.0, 0.25925925925925924, 1.0, 0.7391304347826086, 0.85, 1.0, 0.625, 0.0],
            importances: [0.5594762908638865, 0.23106236152550794, 0.2094613476106055],
            testProbabilities: [0.25925925925925924, 1.0, 0.0, 0.25925925925925924, 0.625]
        ),
        Reference(
            description: "min_samples_split=10",
            hyperparameters: .init(minSamplesSplit: 10),
            feature: [0, 2, 0, 1, -1, 2, -1, -1, 0, -1, -1, -1, 1, 0, -1, -1, -1],
            threshold: [5.305, 0.714, 3.495, 3.78, 0, -0.4925, 0, 0, 4.45, 0, 0, 0, 6.02, 8.315, 0, 0, 0],
            value: [
                0.45, 0.2702702702702703, 0.20588235294117646, 0.125, 0.5, 0.05, 0.16666666666666666, 0.0, 0.4, 1.0,
                0.14285714285714285, 1.0, 0.7391304347826086, 0.85, 1.0, 0.625, 0.0,
            ],
            importances: [0.5707216858052789, 0.2488965610955375, 0.18038175309918364],
            testProbabilities: [0.0, 1.0, 0.0, 0.14285714285714285, 0.625]
        ),
    ]

    static var matrix: FeatureMatrix {
        let values = (0..<x1.count).flatMap { [x1[$0], x2[$0], x3[$0]] }
        return FeatureMatrix(rows: x1.count, columns: 3, values: values, names: ["x1", "x2", "x3"])
    }

    @Test("matches scikit-learn's tree node for node", arguments: references)
    func matchesScikitLearn(reference: Reference) throws {
        let tree = try DecisionTree.fit(Self.matrix, labels: Self.y, hyperparameters: reference.hyperparameters)
        #expect(tree.feature == reference.feature)
        #expect(ModelFixtures.allClose(tree.threshold, reference.threshold, tolerance: 1e-6))
        #expect(ModelFixtures.allClose(tree.value, reference.value, tolerance: 1e-12))
        #expect(ModelFixtures.allClose(tree.importances, reference.importances, tolerance: 1e-9))
        let test = FeatureMatrix(rows: 5, columns: 3, values: Self.test, names: ["x1", "x2", "x3"])
        #expect(try tree.probabilities(test) == reference.testProbabilities)
    }

    @Test("a single split separates a hand-made fixture")
    func singleSplit() throws {
        let x = FeatureMatrix(rows: 6, columns: 2, values: [1, 5, 2, 5, 3, 5, 10, 5, 11, 5, 12, 5], names: ["a", "b"])
        let tree = try DecisionTree.fit(x, labels: [0, 0, 0, 1, 1, 1])
        #expect(tree.nodeCount == 3)
        #expect(tree.feature == [0, -1, -1])
        #expect(tree.threshold == [6.5, 0, 0])
        #expect(tree.value == [0.5, 0, 1])
        #expect(tree.sampleCount == [6, 3, 3])
        #expect(tree.impurity == [0.5, 0, 0])
        #expect(tree.importances == [1, 0])
        #expect(tree.depth == 1)
    }

    @Test("equal splits go to the lowest feature, then the lowest threshold")
    func tieBreaking() throws {
        // Both columns separate the labels perfectly; column 0 wins.
        let x = FeatureMatrix(rows: 4, columns: 2, values: [0, 0, 1, 1, 2, 2, 3, 3], names: ["a", "b"])
        let tree = try DecisionTree.fit(x, labels: [0, 0, 1, 1])
        #expect(tree.feature == [0, -1, -1])
        // XOR-like labels: thresholds 0.5 and 2.5 tie on column 0; 0.5 wins.
        let xor = FeatureMatrix(rows: 4, columns: 1, values: [0, 1, 2, 3], names: ["a"])
        let stump = try DecisionTree.fit(xor, labels: [1, 0, 0, 1], hyperparameters: .init(maxDepth: 1))
        #expect(stump.threshold[0] == 0.5)
    }

    @Test("respects max_depth", arguments: [1, 2, 3, 5])
    func depthLimit(depth: Int) throws {
        let tree = try DecisionTree.fit(Self.matrix, labels: Self.y, hyperparameters: .init(maxDepth: depth))
        #expect(tree.depth <= depth)
        #expect(tree.leafCount <= 1 << depth)
    }

    @Test("grows until pure without a depth limit")
    func unlimited() throws {
        let tree = try DecisionTree.fit(Self.matrix, labels: Self.y)
        #expect(try tree.probabilities(Self.matrix) == Self.y)
        #expect(tree.importances.reduce(0, +).distance(to: 1) < 1e-12)
    }

    @Test("every leaf keeps min_samples_leaf rows", arguments: [1, 3, 7, 20])
    func minSamplesLeaf(leaf: Int) throws {
        let tree = try DecisionTree.fit(Self.matrix, labels: Self.y, hyperparameters: .init(minSamplesLeaf: leaf))
        let leafSizes = zip(tree.feature, tree.sampleCount).filter { $0.0 < 0 }.map(\.1)
        #expect(leafSizes.allSatisfy { $0 >= leaf })
        #expect(leafSizes.reduce(0, +) == Self.y.count)
    }

    @Test("a pure or featureless node stays a leaf")
    func singleLeaf() throws {
        let constant = FeatureMatrix(rows: 3, columns: 1, values: [4, 4, 4], names: ["a"])
        let tree = try DecisionTree.fit(constant, labels: [0, 1, 1])
        #expect(tree.nodeCount == 1)
        #expect(tree.importances == [0])
        let empty = FeatureMatrix(rows: 3, columns: 0, values: [], names: [])
        #expect(try DecisionTree.fit(empty, labels: [0, 1, 1]).value == [2.0 / 3.0])
    }

    @Test("a damaged tree is refused when decoded")
    func damagedTree() throws {
        let json = #"{"feature":[0],"threshold":[1],"left":[0],"right":[0],"value":[0.5],"sampleCount":[2],"impurity":[0.5],"featureImportances":[1]}"#
        #expect(throws: (any Error).self) {
            try ModelFixtures.decode(DecisionTree.self, from: json)
        }
    }

    // MARK: The general estimator

    @Test("a leaf's impurity and value: gini, entropy, squared error by hand")
    func handComputedNode() throws {
        let constant = FeatureMatrix(rows: 4, columns: 1, values: [1, 1, 1, 1], names: ["a"])
        let task = LearningTask.multiclass(classes: 3)
        let gini = try DecisionTree.fit(constant, targets: [0, 0, 1, 2], task: task, hyperparameters: .init(), seed: 0)
        #expect(gini.impurity == [0.625])  // 1 − (½)² − (¼)² − (¼)²
        #expect(gini.value == [0.5, 0.25, 0.25])
        for criterion in [DecisionTree.Criterion.entropy, .logLoss] {
            let entropy = try DecisionTree.fit(constant, targets: [0, 0, 1, 2], task: task, hyperparameters: .init(criterion: criterion), seed: 0)
            #expect(entropy.impurity == [1.5])  // ½·1 + 2·¼·2 bits
        }
        let variance = try DecisionTree.fit(constant, targets: [1, 2, 3, 6], task: .regression, hyperparameters: .init(), seed: 0)
        #expect(variance.impurity == [3.5])  // mean 3: (4 + 1 + 0 + 9) / 4
        #expect(variance.value == [3])
    }

    @Test("multiclass leaves hold class fractions; regression leaves hold means")
    func leafValues() throws {
        let x = FeatureMatrix(rows: 6, columns: 1, values: [1, 2, 3, 4, 5, 6], names: ["a"])
        let test = FeatureMatrix(rows: 2, columns: 1, values: [0, 10], names: ["a"])
        // Gini proxies: 1.5 → 3.6, 2.5 → 3.5, 3.5 → 5/3 + 3 (best).
        let tree = try DecisionTree.fit(x, targets: [0, 1, 1, 2, 2, 2], task: .multiclass(classes: 3), hyperparameters: .init(maxDepth: 1), seed: 0)
        #expect(tree.threshold[0] == 3.5)
        #expect(try tree.predict(test) == [1.0 / 3.0, 2.0 / 3.0, 0, 0, 0, 1])
        let regression = try DecisionTree.fit(x, targets: [1, 2, 3, 10, 11, 12], task: .regression, hyperparameters: .init(maxDepth: 1), seed: 0)
        #expect(regression.feature == [0, -1, -1])
        #expect(regression.threshold[0] == 3.5)
        #expect(try regression.predict(test) == [2, 11])
    }

    @Test("max_leaf_nodes grows best first: the child with the larger decrease splits next")
    func bestFirst() throws {
        let x = FeatureMatrix(rows: 8, columns: 1, values: [0, 1, 2, 3, 4, 5, 6, 7], names: ["a"])
        let y: [Double] = [0, 0, 1, 1, 10, 10, 20, 20]
        let tree = try DecisionTree.fit(x, targets: y, task: .regression, hyperparameters: .init(maxLeafNodes: 3), seed: 0)
        // Root at 3.5; the right child (SSE 100) splits before the left one (SSE 1); nodes in creation order.
        #expect(tree.feature == [0, -1, 0, -1, -1])
        #expect(tree.threshold == [3.5, 0, 5.5, 0, 0])
        #expect(tree.leafCount == 3)
        let four = try DecisionTree.fit(x, targets: y, task: .regression, hyperparameters: .init(maxLeafNodes: 4), seed: 0)
        #expect(four.feature == [0, 0, 0, -1, -1, -1, -1])
        #expect(try four.predict(x) == y)
    }

    @Test("min_impurity_decrease stops weak splits")
    func minImpurityDecrease() throws {
        let x = FeatureMatrix(rows: 8, columns: 1, values: [0, 1, 2, 3, 4, 5, 6, 7], names: ["a"])
        let y: [Double] = [0, 0, 1, 1, 10, 10, 20, 20]
        // Weighted decreases: root 65.1875 − ½·0.25 − ½·25 = 52.5625; left child ½·0.25 = 0.125 (< 1, a leaf);
        // right child ½·25 = 12.5.
        let tree = try DecisionTree.fit(x, targets: y, task: .regression, hyperparameters: .init(minImpurityDecrease: 1), seed: 0)
        #expect(tree.feature == [0, -1, 0, -1, -1])
    }

    @Test("max_features samples columns from the seed: same seed, same tree")
    func featureSampling() throws {
        let settings = DecisionTree.Hyperparameters(maxFeatures: .count(1))
        let a = try DecisionTree.fit(Self.matrix, targets: Self.y, task: .binary, hyperparameters: settings, seed: 5)
        let b = try DecisionTree.fit(Self.matrix, targets: Self.y, task: .binary, hyperparameters: settings, seed: 5)
        #expect(a == b)
        let others = try (0..<8).map { seed in
            try DecisionTree.fit(Self.matrix, targets: Self.y, task: .binary, hyperparameters: settings, seed: UInt64(seed))
        }
        #expect(Set(others.map(\.feature)).count > 1)
        #expect(DecisionTree.MaxFeatures.sqrt.resolved(columns: 14) == 3)
        #expect(DecisionTree.MaxFeatures.log2.resolved(columns: 14) == 3)
        #expect(DecisionTree.MaxFeatures.fraction(0.5).resolved(columns: 5) == 2)
        #expect(DecisionTree.MaxFeatures.count(50).resolved(columns: 5) == 5)
    }

    @Test("the legacy binary API and the estimator give the same tree")
    func legacyAPI() throws {
        let legacy = try DecisionTree.fit(Self.matrix, labels: Self.y, hyperparameters: .init(maxDepth: 4))
        let general = try DecisionTree.fit(Self.matrix, targets: Self.y, task: .binary, hyperparameters: .init(maxDepth: 4), seed: 99)
        #expect(legacy == general)
        #expect(try legacy.probabilities(Self.matrix) == general.predict(Self.matrix))
    }

    @Test("a tree saved by the first engine version still loads and predicts the same")
    func legacyJSON() throws {
        let json = #"{"feature":[0,-1,-1],"threshold":[6.5,0,0],"left":[1,-1,-1],"right":[2,-1,-1],"value":[0.5,0,1],"sampleCount":[6,3,3],"impurity":[0.5,0,0],"featureImportances":[1,0]}"#
        let old = try ModelFixtures.decode(DecisionTree.self, from: json)
        let x = FeatureMatrix(rows: 6, columns: 2, values: [1, 5, 2, 5, 3, 5, 10, 5, 11, 5, 12, 5], names: ["a", "b"])
        let fresh = try DecisionTree.fit(x, labels: [0, 0, 0, 1, 1, 1])
        #expect(old.task == .binary)
        #expect(old == fresh)
        #expect(try old.probabilities(x) == [0, 0, 0, 1, 1, 1])
    }

    @Test("JSON round trips reproduce predictions bit for bit", arguments: [LearningTask.binary, .multiclass(classes: 3), .regression])
    func roundTrip(task: LearningTask) throws {
        let targets: [Double] = switch task {
        case .binary: Self.y
        case .multiclass: Self.x1.map { Double(Int($0) % 3) }
        case .regression: Self.x2.map { $0 * 1.7 + 0.1 }
        }
        let tree = try DecisionTree.fit(Self.matrix, targets: targets, task: task, hyperparameters: .init(maxDepth: 5), seed: 0)
        let data = try JSONEncoder().encode(tree)
        #expect(String(decoding: data, as: UTF8.self).contains(#""formatVersion":2"#))
        let decoded = try JSONDecoder().decode(DecisionTree.self, from: data)
        #expect(decoded == tree)
        #expect(try decoded.predict(Self.matrix) == tree.predict(Self.matrix))
        #expect(try tree.predict(Self.matrix).count == Self.y.count * task.outputWidth)
    }

    @Test("bad settings and targets are refused with a message naming the fix")
    func badInput() throws {
        let x = Self.matrix
        let bad: [(DecisionTree.Hyperparameters, LearningTask, String)] = [
            (.init(criterion: .squaredError), .binary, "criterion \"squared_error\" is for regression"),
            (.init(criterion: .gini), .regression, "is for classification"),
            (.init(maxDepth: 0), .binary, "max_depth"),
            (.init(minSamplesSplit: 1), .binary, "min_samples_split"),
            (.init(minSamplesLeaf: 0), .binary, "min_samples_leaf"),
            (.init(maxLeafNodes: 1), .binary, "max_leaf_nodes"),
            (.init(maxFeatures: .count(0)), .binary, "max_features"),
            (.init(maxFeatures: .fraction(1.5)), .binary, "max_features"),
            (.init(minImpurityDecrease: -1), .binary, "min_impurity_decrease"),
        ]
        for (settings, task, message) in bad {
            #expect { try DecisionTree.fit(x, targets: Self.y, task: task, hyperparameters: settings, seed: 0) } throws: { error in
                (error as? ModelError)?.message.contains(message) == true
            }
        }
        #expect(throws: ModelError.self) {
            try DecisionTree.fit(x, targets: Self.y.map { $0 * 3 }, task: .multiclass(classes: 3), hyperparameters: .init(), seed: 0)
        }
        #expect(throws: ModelError.self) {
            try DecisionTree.fit(x, targets: Self.y.map { $0 + 0.5 }, task: .multiclass(classes: 3), hyperparameters: .init(), seed: 0)
        }
        let nan = FeatureMatrix(rows: 2, columns: 1, values: [1, .nan], names: ["a"])
        #expect(throws: ModelError.self) { try DecisionTree.fit(nan, targets: [0, 1], task: .binary, hyperparameters: .init(), seed: 0) }
        let tree = try DecisionTree.fit(x, labels: Self.y)
        #expect(throws: ModelError.self) { try tree.predict(FeatureMatrix(rows: 1, columns: 2, values: [1, 2], names: ["a", "b"])) }
    }

    @Test("parameter specs validate and resolve notebook values")
    func parameterSpecs() throws {
        let specs = DecisionTree.Hyperparameters.parameterSpecs
        let maxFeatures = try #require(specs.first { $0.name == "max_features" })
        #expect(maxFeatures.canonical(.string("SQRT")) == .some(.string("sqrt")))
        #expect(maxFeatures.canonical(.string("none")) == .some(.string("all")))
        #expect(maxFeatures.canonical(.double(1.0)) == .some(.string("all")))
        #expect(maxFeatures.canonical(.double(0.5)) == .some(.double(0.5)))
        #expect(maxFeatures.canonical(.int(3)) == .some(.int(3)))
        #expect(maxFeatures.canonical(.int(0)) == nil)
        #expect(maxFeatures.canonical(.double(1.5)) == nil)
        #expect(maxFeatures.canonical(.string("half")) == nil)
        let decrease = try #require(specs.first { $0.name == "min_impurity_decrease" })
        #expect(decrease.canonical(.int(0)) == .some(.double(0)))
        #expect(decrease.canonical(.double(-0.1)) == nil)
        let settings = DecisionTree.Hyperparameters(resolved: [
            "criterion": .string("entropy"), "max_depth": .int(4), "min_samples_split": .int(3), "min_samples_leaf": .int(2),
            "max_leaf_nodes": .int(9), "max_features": .double(0.5), "min_impurity_decrease": .double(0.01),
        ])
        #expect(settings == DecisionTree.Hyperparameters(
            criterion: .entropy, maxDepth: 4, minSamplesSplit: 3, minSamplesLeaf: 2, maxLeafNodes: 9,
            maxFeatures: .fraction(0.5), minImpurityDecrease: 0.01))
        #expect(DecisionTree.Hyperparameters(resolved: [:]) == DecisionTree.Hyperparameters())
    }
}
