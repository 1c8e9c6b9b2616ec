import Foundation

extension FittedModel {
    /// A machine-independent estimate of the work a fit on `rows` rows took, in millions of
    /// row × column visits: what ``SearchStrategy/auto`` compares instead of seconds, so its
    /// choices are the same on every machine.
    ///
    /// Gradient boosting: one histogram pass per tree; trees: one pass per level; logistic
    /// regression: one pass per solver iteration; k-nearest neighbours: the distances a
    /// prediction over as many rows would compute.
    public func trainingWork(rows: Int) -> Double {
        let visits = Double(rows) * Double(max(inputCount, 1))
        let passes: Double = switch self {
        case .gradientBoosting(let model): Double(max(model.treeCount, 1))
        case .randomForest(let forest): forest.trees.reduce(0) { $0 + Self.levels($1) }
        case .decisionTree(let tree): Self.levels(tree)
        case .logisticRegression(let model): Double(max(model.iterations, 1))
        case .linearRegression: Double(max(inputCount, 1))
        case .kNearestNeighbors: Double(max(rows, 1)) / 10
        case .naiveBayes: 1
        }
        return visits * passes / 1e6
    }

    private static func levels(_ tree: DecisionTree) -> Double {
        log2(Double(max(tree.leafCount, 1)) + 1)
    }
}
