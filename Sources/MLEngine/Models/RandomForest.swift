import Dispatch
import Foundation

/// A random forest, as scikit-learn's `RandomForestClassifier` / `RandomForestRegressor`:
/// ``DecisionTree``s each grown on a bootstrap sample of the rows (drawn with replacement,
/// as many draws as rows, duplicates counting as weights) and examining a random subset of
/// the columns at every split.
///
/// Tree `i` draws all its randomness from `SeededGenerator(seed: seed).derived("tree-\(i)")`,
/// so each tree depends only on the data, the settings, the seed and its index: trees are
/// built on several threads and collected in index order, and the forest is the same bit for
/// bit on 1 or 2 threads.
///
/// Prediction averages the trees' outputs (class probability vectors, or values), as
/// scikit-learn does. Categorical features are encoded by preprocessing (one-hot or ordinal),
/// as for ``DecisionTree``.
public struct RandomForest: Estimator, Codable, Sendable, Equatable {
    /// The version of the JSON layout (see ``CodingKeys``).
    public static let formatVersion = 1

    /// What the forest predicts.
    public let task: LearningTask
    /// The number of matrix columns the forest takes.
    public let inputCount: Int
    /// The trees, in index order.
    public let trees: [DecisionTree]
    /// The mean of the importances of the trees that split at least once, normalised to sum
    /// to 1 (all zeros when no tree splits).
    public let importances: [Double]

    /// The ``importances``; never `nil` for a forest.
    public var featureImportances: [Double]? { importances }

    /// Grows the forest on `threads` threads (see ``Hyperparameters/threads``).
    /// - Throws: ``ModelError`` when the sizes disagree, there are no rows, a target does not
    ///   fit `task`, a value is not finite, or a setting is out of range.
    public static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask,
        hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> RandomForest {
        guard hyperparameters.treeCount >= 1 else { throw ModelError("n_estimators must be an integer >= 1") }
        if let threads = hyperparameters.threads, threads < 1 { throw ModelError("threads must be an integer >= 1") }
        var treeSettings = hyperparameters.tree
        if treeSettings.maxFeatures == nil {
            treeSettings.maxFeatures = task.isClassification ? .sqrt : .all
        }
        let settings = try treeSettings.resolved(for: task, columns: x.columns)
        let data = try DecisionTree.TrainingData(x, targets: targets, task: task)
        let count = hyperparameters.treeCount
        let bootstrap = hyperparameters.bootstrap
        let root = SeededGenerator(seed: seed)
        let results = OrderedSlots<DecisionTree>(count: count)
        let threads = min(hyperparameters.threads ?? ProcessInfo.processInfo.activeProcessorCount, count)
        let work = { @Sendable (worker: Int) in
            for index in stride(from: worker, to: count, by: max(threads, 1)) {
                var generator = root.derived("tree-\(index)")
                let weights = bootstrap ? Self.bootstrapWeights(rows: data.rows, generator: &generator) : nil
                let tree = DecisionTree.Builder.build(data: data, weights: weights, settings: settings, generator: &generator)
                results.store(tree, at: index)
            }
        }
        if threads > 1 {
            DispatchQueue.concurrentPerform(iterations: threads) { work($0) }
        } else {
            work(0)
        }
        let trees = results.collected()
        return RandomForest(task: task, inputCount: x.columns, trees: trees, importances: Self.meanImportances(trees, columns: x.columns))
    }

    /// How often each row is drawn in `rows` draws with replacement.
    static func bootstrapWeights(rows: Int, generator: inout SeededGenerator) -> [Double] {
        var weights = [Double](repeating: 0, count: rows)
        for _ in 0..<rows {
            weights[generator.nextInt(below: rows)] += 1
        }
        return weights
    }

    /// scikit-learn's forest importances: the mean over trees with a split, renormalised.
    static func meanImportances(_ trees: [DecisionTree], columns: Int) -> [Double] {
        var sum = [Double](repeating: 0, count: columns)
        for tree in trees where tree.nodeCount > 1 {
            for column in 0..<columns { sum[column] += tree.importances[column] }
        }
        let total = sum.reduce(0, +)
        return total > 0 ? sum.map { $0 / total } : sum
    }

    /// `x.rows * task.outputWidth` outputs, row after row: the mean of the trees' outputs.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the training data.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == inputCount else {
            throw ModelError("the model expects \(inputCount) encoded columns but got \(x.columns)")
        }
        let width = task.outputWidth
        var result = [Double](repeating: 0, count: x.rows * width)
        result.withUnsafeMutableBufferPointer { out in
            x.values.withUnsafeBufferPointer { values in
                for tree in trees {
                    tree.value.withUnsafeBufferPointer { value in
                        for row in 0..<x.rows {
                            let leaf = tree.leaf(of: values, offset: row * x.columns)
                            for k in 0..<width { out[row * width + k] += value[leaf * width + k] }
                        }
                    }
                }
                let count = Double(trees.count)
                for i in 0..<out.count { out[i] /= count }
            }
        }
        return result
    }
}
