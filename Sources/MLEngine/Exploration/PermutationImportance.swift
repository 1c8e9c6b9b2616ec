/// Permutation importance: how much a fitted model's score falls when the link between
/// one feature and the label is broken by shuffling that feature's values.
///
/// For each feature in turn, its column (numbers, or category codes) is shuffled with
/// Fisher–Yates `repeats` times on a copy of the frame, the model predicts again, and
/// the drop `baseline − shuffled score` is recorded. Features are ranked by mean drop,
/// descending (`nan` last, ties in the order given). The generator is drawn from in
/// feature order, repeats inner, so the result is the same for the same seed, frame and
/// features. Mirrors `sklearn.inspection.permutation_importance` (which differs only in
/// its random numbers).
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// let importance = try PermutationImportance.compute(
///     frame: test, labels: labels, features: model.features, generator: &generator
/// ) { try model.predictProbabilities($0) }
/// importance.scores.first?.feature   // the feature the model leans on most
/// ```
public struct PermutationImportance: Sendable, Equatable {
    /// The metric on the unshuffled frame.
    public var baseline: Double
    /// One entry per feature, largest mean drop first.
    public var scores: [PermutationScore]

    /// Creates a result from its parts.
    public init(baseline: Double, scores: [PermutationScore]) {
        self.baseline = baseline
        self.scores = scores
    }

    /// Measures the importance of each of `features` to the predictor.
    /// - Parameters:
    ///   - frame: the rows to score on (normally held-out data), holding every feature.
    ///   - labels: 1 for a positive row, 0 for a negative one; one per row of `frame`.
    ///   - features: the columns to shuffle, one at a time.
    ///   - repeats: shuffles per feature (at least 1; default 5).
    ///   - generator: the source of every shuffle; advanced by the call.
    ///   - metric: `(labels, probabilities) -> score`, larger is better (default ROC AUC).
    ///   - predict: the fitted model: positive-class probabilities, one per row of its input.
    /// - Throws: ``DataError`` when a feature is not a column, the label count or a
    ///   prediction count differs from the row count, or `repeats < 1`; otherwise
    ///   whatever `predict` throws.
    public static func compute(
        frame: DataFrame, labels: [Double], features: [String], repeats: Int = 5,
        generator: inout SeededGenerator,
        metric: ([Double], [Double]) -> Double = ClassificationMetrics.rocAUC(labels:probabilities:),
        predict: (DataFrame) throws -> [Double]
    ) throws -> PermutationImportance {
        guard repeats >= 1 else { throw DataError(file: "", message: "repeats must be at least 1, got \(repeats)") }
        guard labels.count == frame.rowCount else {
            throw DataError(file: "", message: "\(labels.count) labels for \(frame.rowCount) rows; give one label per row")
        }
        let columns = try features.map { (name) throws(DataError) -> Column in
            guard let column = frame.column(named: name) else {
                throw DataError(file: "", message: "the feature `\(name)` is not a column of the data")
            }
            return column
        }
        let baseline = metric(labels, try checked(predict(frame), rows: frame.rowCount))
        var scores: [PermutationScore] = []
        for column in columns {
            var drops: [Double] = []
            switch column {
            case .numeric(let numeric):
                var values = numeric.values
                for _ in 0..<repeats {
                    shuffle(&values, using: &generator)
                    let permuted = frame.replacing(.numeric(NumericColumn(name: numeric.name, values: values)))
                    drops.append(baseline - metric(labels, try checked(predict(permuted), rows: frame.rowCount)))
                }
            case .categorical(let categorical):
                var codes = categorical.codes
                for _ in 0..<repeats {
                    shuffle(&codes, using: &generator)
                    let permuted = frame.replacing(.categorical(
                        CategoricalColumn(name: categorical.name, codes: codes, categories: categorical.categories)))
                    drops.append(baseline - metric(labels, try checked(predict(permuted), rows: frame.rowCount)))
                }
            }
            scores.append(PermutationScore(feature: column.name, drops: drops))
        }
        let order = scores.indices.sorted { lhs, rhs in
            let (left, right) = (scores[lhs].meanDrop, scores[rhs].meanDrop)
            switch (left.isNaN, right.isNaN) {
            case (false, true): return true
            case (true, false): return false
            case (true, true): return lhs < rhs
            case (false, false): return left != right ? left > right : lhs < rhs
            }
        }
        return PermutationImportance(baseline: baseline, scores: order.map { scores[$0] })
    }

    /// Fisher–Yates in place (Durstenfeld), drawing with ``SeededGenerator/nextInt(below:)``.
    static func shuffle<Element>(_ elements: inout [Element], using generator: inout SeededGenerator) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = generator.nextInt(below: index + 1)
            if other != index { elements.swapAt(index, other) }
        }
    }

    private static func checked(_ predictions: [Double], rows: Int) throws(DataError) -> [Double] {
        guard predictions.count == rows else {
            throw DataError(file: "", message: "the model returned \(predictions.count) predictions for \(rows) rows")
        }
        return predictions
    }
}
