import Foundation

/// A CART decision tree, as scikit-learn's `DecisionTreeClassifier` / `DecisionTreeRegressor`,
/// for binary and multiclass classification and for regression.
///
/// Each split sends a row left when `value <= threshold`, the threshold being the midpoint
/// between two adjacent distinct training values (values closer than 1e-7 count as equal).
/// Among equally good splits the first feature examined wins (the lowest index when every
/// feature is examined), then the lowest threshold, so training is deterministic.
///
/// Categorical features are not split natively: preprocessing encodes them one-hot (one
/// 0/1 column per category) or ordinal (the category code, -1 for missing), and the tree
/// splits those numbers like any other. Values must be finite (impute missing numbers first).
///
/// Nodes are stored in flat arrays; children always come after their parent. Grown depth
/// first, nodes are in pre-order (as scikit-learn); with `max_leaf_nodes` the tree grows best
/// first (the split with the largest weighted impurity decrease next) and nodes are numbered
/// in creation order, again as scikit-learn.
///
/// A node's ``value`` holds ``LearningTask/outputWidth`` numbers: for ``LearningTask/binary``
/// the fraction of class 1, for ``LearningTask/multiclass(classes:)`` the class fractions, for
/// ``LearningTask/regression`` the mean target (all weighted by the bootstrap counts in a forest).
public struct DecisionTree: Estimator, Codable, Sendable, Equatable {
    /// The version of the JSON layout written by ``encode(to:)``.
    public static let formatVersion = 2

    /// What the tree predicts.
    public internal(set) var task: LearningTask
    /// Per node: the encoded column it splits on, or -1 for a leaf.
    public internal(set) var feature: [Int]
    /// Per node: the split threshold (0 for a leaf).
    public internal(set) var threshold: [Double]
    /// Per node: the index of the left child (`value <= threshold`), or -1 for a leaf.
    public internal(set) var left: [Int]
    /// Per node: the index of the right child, or -1 for a leaf.
    public internal(set) var right: [Int]
    /// `nodeCount * task.outputWidth` numbers, node after node: see the type's documentation.
    public internal(set) var value: [Double]
    /// Per node: how many distinct training rows reached it.
    public internal(set) var sampleCount: [Int]
    /// Per node: its impurity under the training criterion.
    public internal(set) var impurity: [Double]
    /// Per encoded column: the total weighted impurity decrease of its splits, normalised to
    /// sum to 1 (all zeros for a tree that is a single leaf). Stored as `featureImportances`.
    public internal(set) var importances: [Double]

    /// Number of nodes.
    public var nodeCount: Int { feature.count }
    /// Number of leaves.
    public var leafCount: Int { feature.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }
    /// The number of matrix columns the tree takes.
    public var inputCount: Int { importances.count }
    /// The ``importances``; never `nil` for a tree.
    public var featureImportances: [Double]? { importances }

    /// Learns a tree from `x` and `targets` (see ``LearningTask``).
    /// - Parameter seed: drives only the feature sampling of `max_features`; unused otherwise.
    /// - Throws: ``ModelError`` when the sizes disagree, there are no rows, a target does not
    ///   fit `task`, a value is not finite, or a setting is out of range.
    public static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask,
        hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> DecisionTree {
        let data = try TrainingData(x, targets: targets, task: task)
        let settings = try hyperparameters.resolved(for: task, columns: x.columns)
        var generator = SeededGenerator(seed: seed)
        return Builder.build(data: data, weights: nil, settings: settings, generator: &generator)
    }

    /// Fits a binary tree to `x` and 0/1 `labels` (the API of the first engine version).
    /// - Throws: ``ModelError`` when the sizes disagree, there are no rows, a label is not 0 or 1,
    ///   a value is not finite, or a setting is out of range.
    public static func fit(
        _ x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters = Hyperparameters()
    ) throws(ModelError) -> DecisionTree {
        try fit(x, targets: labels, task: .binary, hyperparameters: hyperparameters, seed: 0)
    }

    /// The depth of the deepest leaf (0 for a single leaf).
    public var depth: Int {
        var deepest = 0
        var stack: [(node: Int, depth: Int)] = feature.isEmpty ? [] : [(0, 0)]
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            if feature[node] >= 0 {
                stack.append((left[node], depth + 1))
                stack.append((right[node], depth + 1))
            }
        }
        return deepest
    }

    /// `x.rows * task.outputWidth` outputs, row after row: the reached leaf's ``value``.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the training data.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        try checkColumns(x)
        let width = task.outputWidth
        var result = [Double](repeating: 0, count: x.rows * width)
        result.withUnsafeMutableBufferPointer { out in
            x.values.withUnsafeBufferPointer { values in
                for row in 0..<x.rows {
                    let leaf = leaf(of: values, offset: row * x.columns)
                    for k in 0..<width { out[row * width + k] = value[leaf * width + k] }
                }
            }
        }
        return result
    }

    /// The positive-class probability (the reached leaf's class-1 fraction) for every row of a
    /// binary tree's input `x`.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the training
    ///   data, or the tree is not binary.
    public func probabilities(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard task == .binary else { throw ModelError("probabilities(_:) is for binary trees; use predict(_:)") }
        return try predict(x)
    }

    func checkColumns(_ x: FeatureMatrix) throws(ModelError) {
        guard x.columns == inputCount else {
            throw ModelError("the model expects \(inputCount) encoded columns but got \(x.columns)")
        }
    }

    /// The leaf reached by the row starting at `values[offset]`.
    @inline(__always)
    func leaf(of values: UnsafeBufferPointer<Double>, offset: Int) -> Int {
        var node = 0
        while feature[node] >= 0 {
            node = values[offset + feature[node]] <= threshold[node] ? left[node] : right[node]
        }
        return node
    }
}
