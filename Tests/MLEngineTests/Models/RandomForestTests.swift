import Foundation
import Testing
@testable import MLEngine

@Suite("RandomForest")
struct RandomForestTests {
    static var matrix: FeatureMatrix { DecisionTreeTests.matrix }
    static var labels: [Double] { DecisionTreeTests.y }

    @Test("the same forest bit for bit on 1 and 2 threads", arguments: [LearningTask.binary, .multiclass(classes: 3), .regression])
    func threadIndependence(task: LearningTask) throws {
        let targets: [Double] = switch task {
        case .binary: Self.labels
        case .multiclass: DecisionTreeTests.x1.map { Double(Int($0) % 3) }
        case .regression: DecisionTreeTests.x2
        }
        func fit(_ threads: Int) throws -> RandomForest {
            try RandomForest.fit(Self.matrix, targets: targets, task: task, hyperparameters: .init(treeCount: 25, threads: threads), seed: 7)
        }
        let one = try fit(1), two = try fit(2), three = try fit(3)
        #expect(one == two)
        #expect(one == three)
        #expect(try one.predict(Self.matrix) == two.predict(Self.matrix))
        #expect(one.trees.count == 25)
    }

    @Test("tree i depends on the seed and its index only")
    func perTreeStreams() throws {
        let small = try RandomForest.fit(Self.matrix, targets: Self.labels, task: .binary, hyperparameters: .init(treeCount: 3), seed: 7)
        let large = try RandomForest.fit(Self.matrix, targets: Self.labels, task: .binary, hyperparameters: .init(treeCount: 6), seed: 7)
        #expect(Array(large.trees.prefix(3)) == small.trees)
        let other = try RandomForest.fit(Self.matrix, targets: Self.labels, task: .binary, hyperparameters: .init(treeCount: 3), seed: 8)
        #expect(other.trees != small.trees)
        #expect(Set(small.trees.map(\.feature)).count > 1)
    }

    @Test("prediction is the mean of the trees' outputs; importances the normalised mean")
    func averaging() throws {
        let forest = try RandomForest.fit(
            Self.matrix, targets: DecisionTreeTests.x1.map { Double(Int($0) % 3) }, task: .multiclass(classes: 3),
            hyperparameters: .init(treeCount: 5), seed: 1)
        let perTree = try forest.trees.map { try $0.predict(Self.matrix) }
        let expected = (0..<perTree[0].count).map { i in perTree.reduce(0) { $0 + $1[i] } / 5 }
        #expect(try forest.predict(Self.matrix) == expected)
        let sum = forest.trees.reduce([0.0, 0, 0]) { acc, tree in zip(acc, tree.importances).map(+) }
        let total = sum.reduce(0, +)
        #expect(ModelFixtures.allClose(forest.importances, sum.map { $0 / total }, tolerance: 1e-15))
        #expect(abs(forest.importances.reduce(0, +) - 1) < 1e-12)
    }

    @Test("without bootstrap and with every column, each tree is the single tree")
    func deterministicTrees() throws {
        let settings = RandomForest.Hyperparameters(treeCount: 4, bootstrap: false, tree: .init(maxDepth: 3, maxFeatures: .all))
        let forest = try RandomForest.fit(Self.matrix, targets: Self.labels, task: .binary, hyperparameters: settings, seed: 3)
        let tree = try DecisionTree.fit(Self.matrix, labels: Self.labels, hyperparameters: .init(maxDepth: 3))
        #expect(forest.trees.allSatisfy { $0 == tree })
        #expect(try forest.predict(Self.matrix) == tree.predict(Self.matrix))
        // Regression forests examine every column by default.
        let regression = try RandomForest.fit(
            Self.matrix, targets: DecisionTreeTests.x2, task: .regression,
            hyperparameters: .init(treeCount: 2, bootstrap: false), seed: 3)
        let regressionTree = try DecisionTree.fit(Self.matrix, targets: DecisionTreeTests.x2, task: .regression, hyperparameters: .init(), seed: 0)
        #expect(regression.trees.allSatisfy { $0 == regressionTree })
    }

    @Test("a bootstrap draws as many rows as there are, with replacement")
    func bootstrap() {
        var generator = SeededGenerator(seed: 1)
        let weights = RandomForest.bootstrapWeights(rows: 1000, generator: &generator)
        #expect(weights.reduce(0, +) == 1000)
        let unused = weights.filter { $0 == 0 }.count
        #expect(unused > 320 && unused < 420)  // ≈ 1000/e
    }

    @Test("JSON round trip reproduces predictions bit for bit")
    func roundTrip() throws {
        let forest = try RandomForest.fit(Self.matrix, targets: Self.labels, task: .binary, hyperparameters: .init(treeCount: 10), seed: 2)
        let data = try JSONEncoder().encode(forest)
        let decoded = try JSONDecoder().decode(RandomForest.self, from: data)
        #expect(decoded == forest)
        #expect(try decoded.predict(Self.matrix) == forest.predict(Self.matrix))
        let broken = #"{"formatVersion":9,"task":{"binary":{}},"inputCount":3,"trees":[],"featureImportances":[0,0,0]}"#
        #expect(throws: (any Error).self) { try ModelFixtures.decode(RandomForest.self, from: broken) }
    }

    @Test("bad settings are refused")
    func badSettings() {
        let bad: [RandomForest.Hyperparameters] = [
            .init(treeCount: 0), .init(threads: 0), .init(tree: .init(criterion: .squaredError)), .init(tree: .init(minSamplesLeaf: 0)),
        ]
        for settings in bad {
            #expect(throws: ModelError.self) {
                try RandomForest.fit(Self.matrix, targets: Self.labels, task: .binary, hyperparameters: settings, seed: 0)
            }
        }
    }

    @Test("parameter specs: scikit-learn's names and defaults")
    func parameterSpecs() {
        let specs = RandomForest.Hyperparameters.parameterSpecs
        #expect(specs.map(\.name) == [
            "n_estimators", "bootstrap", "criterion", "max_depth", "min_samples_split", "min_samples_leaf",
            "max_leaf_nodes", "max_features", "min_impurity_decrease", "threads",
        ])
        #expect(specs.first?.defaultValue == .int(100))
        let bootstrap = specs[1]
        #expect(bootstrap.canonical(.string("False")) == .some(.bool(false)))
        #expect(bootstrap.canonical(.int(1)) == nil)
        let settings = RandomForest.Hyperparameters(resolved: [
            "n_estimators": .int(7), "bootstrap": .bool(false), "max_features": .string("log2"), "threads": .int(1),
        ])
        #expect(settings == RandomForest.Hyperparameters(treeCount: 7, bootstrap: false, tree: .init(maxFeatures: .log2), threads: 1))
    }
}
