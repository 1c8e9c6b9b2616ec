extension TrainedModel {
    /// How much each original feature contributes, normalised to sum to 1, in feature order.
    ///
    /// - Decision tree: impurity-decrease importances, one-hot columns summed back to their feature.
    /// - Logistic regression: absolute coefficients on the (standardised) inputs, summed per feature.
    ///
    /// All importances are 0 when the model uses no feature (a single-leaf tree, zero weights).
    public func featureImportances() -> [(feature: String, importance: Double)] {
        let perColumn: [Double] = switch model {
        case .logisticRegression(let model): model.coefficients.map(abs)
        case .decisionTree(let model): model.importances
        }
        let names = features
        var totals = [Double](repeating: 0, count: names.count)
        for (column, feature) in encoder.outputFeatureIndices.enumerated() where column < perColumn.count {
            totals[feature] += perColumn[column]
        }
        let sum = totals.reduce(0, +)
        return zip(names, totals).map { ($0, sum > 0 ? $1 / sum : 0) }
    }
}
