import Foundation

/// A CART binary classification tree, as scikit-learn's `DecisionTreeClassifier`.
///
/// Each split sends a row left when `value <= threshold`, the threshold being the midpoint
/// between two adjacent distinct training values. Among equally good splits the lowest
/// feature index wins, then the lowest threshold, so training is deterministic.
/// A leaf predicts the fraction of positive training rows that reached it.
///
/// Nodes are stored in flat arrays in depth-first (pre-)order; node 0 is the root.
public struct DecisionTree: Codable, Sendable, Equatable {
    /// The impurity measure a split minimises.
    public enum Criterion: String, Codable, Sendable, Equatable, CaseIterable {
        /// Gini impurity `1 − Σ pₖ²`.
        case gini
        /// Shannon entropy in bits, `−Σ pₖ log₂ pₖ`.
        case entropy

        /// The impurity of a node with `positives` of `count` rows positive.
        func impurity(count: Double, positives: Double) -> Double {
            guard count > 0 else { return 0 }
            // Both fractions from counts, so a node and its mirror image score exactly alike.
            let p = positives / count
            let q = (count - positives) / count
            switch self {
            case .gini:
                return 2 * (p * q)
            case .entropy:
                return Self.surprise(p) + Self.surprise(q)
            }
        }

        private static func surprise(_ p: Double) -> Double {
            p > 0 ? -p * log2(p) : 0
        }
    }

    /// Settings of the tree; see ``ModelKind/decisionTree`` for their documentation.
    public struct Hyperparameters: Sendable, Equatable {
        /// The split quality measure (`criterion`).
        public var criterion: Criterion
        /// The deepest a leaf may be, the root being depth 0 (`max_depth`); `nil` for no limit.
        public var maxDepth: Int?
        /// The fewest rows a node needs to be split (`min_samples_split`, ≥ 2).
        public var minSamplesSplit: Int
        /// The fewest rows each child of a split must keep (`min_samples_leaf`, ≥ 1).
        public var minSamplesLeaf: Int

        /// Creates tree settings; the defaults are scikit-learn's.
        public init(criterion: Criterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1) {
            self.criterion = criterion
            self.maxDepth = maxDepth
            self.minSamplesSplit = minSamplesSplit
            self.minSamplesLeaf = minSamplesLeaf
        }
    }

    /// Per node: the encoded column it splits on, or -1 for a leaf.
    public internal(set) var feature: [Int]
    /// Per node: the split threshold (0 for a leaf).
    public internal(set) var threshold: [Double]
    /// Per node: the index of the left child (`value <= threshold`), or -1 for a leaf.
    public internal(set) var left: [Int]
    /// Per node: the index of the right child, or -1 for a leaf.
    public internal(set) var right: [Int]
    /// Per node: the fraction of its training rows that are positive.
    public internal(set) var value: [Double]
    /// Per node: how many training rows reached it.
    public internal(set) var sampleCount: [Int]
    /// Per node: its impurity under the training criterion.
    public internal(set) var impurity: [Double]
    /// Per encoded column: the total weighted impurity decrease of its splits, normalised to
    /// sum to 1 (all zeros for a tree that is a single leaf).
    public internal(set) var featureImportances: [Double]

    /// Number of nodes.
    public var nodeCount: Int { feature.count }
    /// Number of leaves.
    public var leafCount: Int { feature.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }

    /// Fits a tree to `x` and 0/1 `labels`.
    /// - Throws: ``ModelError`` when the sizes disagree, there are no rows, a label is not 0 or 1,
    ///   a value is not finite, or a setting is out of range.
    public static func fit(
        _ x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters = Hyperparameters()
    ) throws(ModelError) -> DecisionTree {
        guard x.rows == labels.count else {
            throw ModelError("got \(x.rows) rows of features but \(labels.count) labels")
        }
        guard x.rows > 0 else { throw ModelError("cannot train on an empty dataset") }
        guard x.rows < Int(Int32.max) else { throw ModelError("a tree can be trained on at most \(Int32.max - 1) rows") }
        guard labels.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw ModelError("labels must be 0 or 1") }
        guard x.values.allSatisfy(\.isFinite) else { throw ModelError("the features contain values that are not finite numbers") }
        if let depth = hyperparameters.maxDepth, depth < 1 { throw ModelError("max_depth must be an integer >= 1") }
        guard hyperparameters.minSamplesSplit >= 2 else { throw ModelError("min_samples_split must be an integer >= 2") }
        guard hyperparameters.minSamplesLeaf >= 1 else { throw ModelError("min_samples_leaf must be an integer >= 1") }
        var builder = Builder(x: x, labels: labels, hyperparameters: hyperparameters)
        return builder.build()
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

    /// The positive-class probability (the reached leaf's positive fraction) for every row of `x`.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the training data.
    public func probabilities(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == featureImportances.count else {
            throw ModelError("the model expects \(featureImportances.count) encoded columns but got \(x.columns)")
        }
        var result = [Double](repeating: 0, count: x.rows)
        for row in 0..<x.rows {
            var node = 0
            while feature[node] >= 0 {
                node = x[row, feature[node]] <= threshold[node] ? left[node] : right[node]
            }
            result[row] = value[node]
        }
        return result
    }
}
