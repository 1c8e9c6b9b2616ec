import Foundation
import Testing
@testable import MLEngine

/// The tree and the forest on UCI Adult (ordinal-encoded categories), against scikit-learn's
/// figures from `../shared/bench/bench_adult_models.py` (DecisionTreeClassifier(max_depth=10):
/// accuracy 0.8550, AUC 0.8923; RandomForestClassifier(100): 0.8549, 0.9052). The issue's
/// bar: at most 0.3 points of accuracy and 0.003 AUC below.
@Suite("Trees on Adult")
struct AdultTreeModelTests {
    static let trainPath = ExplorationFixtures.sharedDataset("adult-train.csv")
    static let testPath = ExplorationFixtures.sharedDataset("adult-test.csv")
    static var available: Bool {
        FileManager.default.fileExists(atPath: trainPath) && FileManager.default.fileExists(atPath: testPath)
    }

    struct Encoded {
        var train: FeatureMatrix
        var trainLabels: [Double]
        var test: FeatureMatrix
        var testLabels: [Double]
    }

    static func encoded() throws -> Encoded {
        let train = try CSVReader.read(path: trainPath, displayName: "adult-train.csv").frame
        let test = try CSVReader.read(path: testPath, displayName: "adult-test.csv").frame
        let encoder = try FeatureEncoder.fit(
            frame: train, features: AdultExplorationTests.features, target: "income",
            preprocessing: PreprocessingSpec(categorical: CategoricalPreprocessing(encoding: .ordinal)))
        return Encoded(
            train: try encoder.transform(train),
            trainLabels: try BinaryTarget.encode(try #require(train.column(named: "income")), positive: ">50K"),
            test: try encoder.transform(test),
            testLabels: try BinaryTarget.encode(try #require(test.column(named: "income")), positive: ">50K"))
    }

    static func scores(_ probabilities: [Double], _ labels: [Double]) -> (accuracy: Double, auc: Double) {
        let correct = zip(probabilities, labels).filter { ($0 >= 0.5 ? 1.0 : 0.0) == $1 }.count
        return (Double(correct) / Double(labels.count), ClassificationMetrics.rocAUC(labels: labels, probabilities: probabilities))
    }

    @Test(
        "a depth-10 tree and a 100-tree forest are as accurate as scikit-learn's",
        .enabled(if: AdultTreeModelTests.available, "skipped: ../shared/datasets/adult/adult-{train,test}.csv are not present"))
    func accuracy() throws {
        let data = try Self.encoded()
        let tree = try DecisionTree.fit(data.train, targets: data.trainLabels, task: .binary, hyperparameters: .init(maxDepth: 10), seed: 0)
        let treeScores = Self.scores(try tree.predict(data.test), data.testLabels)
        print("Adult tree depth 10: accuracy \(treeScores.accuracy), AUC \(treeScores.auc)")
        #expect(treeScores.accuracy >= 0.8550 - 0.003)
        #expect(treeScores.auc >= 0.8923 - 0.003)
        let forest = try RandomForest.fit(data.train, targets: data.trainLabels, task: .binary, hyperparameters: .init(), seed: 0)
        let forestScores = Self.scores(try forest.predict(data.test), data.testLabels)
        print("Adult forest: accuracy \(forestScores.accuracy), AUC \(forestScores.auc)")
        #expect(forestScores.accuracy >= 0.8549 - 0.003)
        #expect(forestScores.auc >= 0.9052 - 0.003)
    }
}
