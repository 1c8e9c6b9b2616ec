import Foundation

/// k-nearest neighbours, for classification and regression, as scikit-learn's
/// `KNeighborsClassifier` / `KNeighborsRegressor` with `algorithm="brute"`.
///
/// The model stores the training matrix and targets. A prediction scans every training row,
/// keeping the `n_neighbors` closest in a small sorted buffer (a bounded selection, no full
/// sort); on equal distances the earlier training row wins. Distances are Euclidean (`p = 2`)
/// or Manhattan (`p = 1`). With `weights = "distance"` each neighbour counts `1/d`, and when
/// some neighbours are at distance 0 only those count (scikit-learn's rule).
/// - classification: the weighted fraction of neighbours in each class;
/// - regression: the weighted mean of the neighbours' targets.
///
/// Query rows are split over 2 threads, each writing its own rows, so results do not depend
/// on the thread count. Missing values (NaN) are rejected: impute them first.
///
/// Serialised as JSON (``formatVersion`` 1): `formatVersion`, `task`, `inputCount`,
/// `neighborCount`, `weighting` (`"uniform"`/`"distance"`), `power` (1 or 2), `rowCount`,
/// `trainingValues` (the training matrix, row-major) and `targets` (one per training row).
public struct KNearestNeighbors: Estimator {
    /// The current serialisation version.
    public static let currentFormatVersion = 1

    /// How neighbours are weighted.
    public enum Weighting: String, Codable, Sendable, CaseIterable {
        /// Every neighbour counts the same.
        case uniform
        /// A neighbour counts the inverse of its distance.
        case distance
    }

    /// Settings; see ``parameterSpecs``.
    public struct Hyperparameters: Sendable, Equatable {
        /// Neighbours consulted per prediction (`n_neighbors`), >= 1 and at most the training rows.
        public var neighborCount: Int
        /// How neighbours are weighted (`weights`).
        public var weighting: Weighting
        /// The Minkowski power (`p`): 1 (Manhattan) or 2 (Euclidean).
        public var power: Int

        /// Creates settings; the defaults are scikit-learn's.
        public init(neighborCount: Int = 5, weighting: Weighting = .uniform, power: Int = 2) {
            self.neighborCount = neighborCount
            self.weighting = weighting
            self.power = power
        }

        /// The notebook parameters: `n_neighbors`, `weights`, `p`.
        public static let parameterSpecs: [ParameterSpec] = [
            ParameterSpec(name: "n_neighbors", summary: "How many nearest training rows vote on each prediction.",
                          defaultValue: .int(5), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "weights", summary: "\"uniform\" (every neighbour counts the same) or \"distance\" (closer ones count more).",
                          defaultValue: .string("uniform"), rule: .oneOf(Weighting.allCases.map(\.rawValue))),
            ParameterSpec(name: "p", summary: "The distance: 1 for Manhattan, 2 for Euclidean.",
                          defaultValue: .int(2), rule: .integerInRange(1, 2)),
        ]

        /// Settings from parameters validated against ``parameterSpecs``; absent ones take defaults.
        public init(resolved: [String: ParameterValue]) {
            let defaults = Hyperparameters()
            var weighting = defaults.weighting
            if case .string(let name)? = resolved["weights"], let chosen = Weighting(rawValue: name) { weighting = chosen }
            self.init(
                neighborCount: resolved["n_neighbors"]?.intValue ?? defaults.neighborCount, weighting: weighting,
                power: resolved["p"]?.intValue ?? defaults.power
            )
        }
    }

    /// What the model predicts.
    public var task: LearningTask
    /// The number of encoded columns the model takes.
    public var inputCount: Int
    /// Neighbours consulted per prediction.
    public var neighborCount: Int
    /// How neighbours are weighted.
    public var weighting: Weighting
    /// The Minkowski power, 1 or 2.
    public var power: Int
    /// The number of training rows.
    public var rowCount: Int
    /// The training matrix, row-major.
    public var trainingValues: [Double]
    /// One target per training row (class index or value).
    public var targets: [Double]

    /// k-nearest neighbours defines no feature importances.
    public var featureImportances: [Double]? { nil }

    /// Stores the training data; `seed` is unused.
    /// - Throws: ``ModelError`` for mismatched sizes, no rows, more neighbours than rows,
    ///   values that are not finite, labels outside the task's classes, or a bad setting.
    public static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask,
        hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> KNearestNeighbors {
        guard x.rows == targets.count else { throw ModelError("got \(x.rows) rows of features but \(targets.count) targets") }
        guard x.rows > 0 else { throw ModelError("cannot train on an empty dataset") }
        guard hyperparameters.neighborCount >= 1 else { throw ModelError("n_neighbors must be an integer >= 1") }
        guard hyperparameters.neighborCount <= x.rows else {
            throw ModelError("n_neighbors is \(hyperparameters.neighborCount) but there are only \(x.rows) training rows; lower n_neighbors")
        }
        guard hyperparameters.power == 1 || hyperparameters.power == 2 else { throw ModelError("p must be an integer from 1 to 2") }
        guard x.values.allSatisfy(\.isFinite) else {
            throw ModelError("the features contain values that are not finite numbers; impute missing values first")
        }
        try ClassLabels.validate(targets, task: task)
        return KNearestNeighbors(
            task: task, inputCount: x.columns, neighborCount: hyperparameters.neighborCount,
            weighting: hyperparameters.weighting, power: hyperparameters.power, rowCount: x.rows,
            trainingValues: x.values, targets: targets
        )
    }

    /// `x.rows * task.outputWidth` outputs: P(class 1), class probabilities, or values.
    /// - Throws: ``ModelError`` when the columns differ from training or a value is not finite.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == inputCount else {
            throw ModelError("the model expects \(inputCount) encoded columns but got \(x.columns)")
        }
        guard x.values.allSatisfy(\.isFinite) else {
            throw ModelError("the features contain values that are not finite numbers; impute missing values first")
        }
        let width = task.outputWidth
        var result = [Double](repeating: 0, count: x.rows * width)
        let threads = x.rows >= 64 ? 2 : 1
        let chunk = (x.rows + threads - 1) / threads
        x.values.withUnsafeBufferPointer { queries in
            result.withUnsafeMutableBufferPointer { output in
                nonisolated(unsafe) let queries = queries
                nonisolated(unsafe) let output = output
                let work: @Sendable (Int) -> Void = { part in
                    let rows = (part * chunk)..<min((part + 1) * chunk, x.rows)
                    predictRows(rows, queries: queries, output: output)
                }
                if threads == 1 {
                    work(0)
                } else {
                    DispatchQueue.concurrentPerform(iterations: threads, execute: work)
                }
            }
        }
        return result
    }

    /// Predicts the query rows `rows`, writing their outputs.
    private func predictRows(
        _ rows: Range<Int>, queries: UnsafeBufferPointer<Double>, output: UnsafeMutableBufferPointer<Double>
    ) {
        guard !rows.isEmpty else { return }
        let k = neighborCount
        let columns = inputCount
        var bestDistances = [Double](repeating: 0, count: k)
        var bestRows = [Int](repeating: 0, count: k)
        var classWeights = [Double](repeating: 0, count: max(task.classCount, 1))
        trainingValues.withUnsafeBufferPointer { training in
            for query in rows {
                let start = query * columns
                var filled = 0
                for candidate in 0..<rowCount {
                    let base = candidate * columns
                    var distance = 0.0
                    if power == 2 {
                        for j in 0..<columns {
                            let difference = queries[start + j] - training[base + j]
                            distance += difference * difference
                        }
                    } else {
                        for j in 0..<columns { distance += abs(queries[start + j] - training[base + j]) }
                    }
                    if filled == k {
                        guard distance < bestDistances[k - 1] else { continue }
                    } else {
                        filled += 1
                    }
                    // Insert after every kept neighbour at the same or a smaller distance.
                    var slot = filled - 1
                    while slot > 0, bestDistances[slot - 1] > distance {
                        bestDistances[slot] = bestDistances[slot - 1]
                        bestRows[slot] = bestRows[slot - 1]
                        slot -= 1
                    }
                    bestDistances[slot] = distance
                    bestRows[slot] = candidate
                }
                // Neighbour weights, reusing bestDistances.
                if weighting == .uniform {
                    for i in 0..<k { bestDistances[i] = 1 }
                } else if bestDistances[0] == 0 {
                    for i in 0..<k { bestDistances[i] = bestDistances[i] == 0 ? 1 : 0 }
                } else {
                    for i in 0..<k {
                        bestDistances[i] = 1 / (power == 2 ? bestDistances[i].squareRoot() : bestDistances[i])
                    }
                }
                write(query, weights: bestDistances, rows: bestRows, classWeights: &classWeights, output: output)
            }
        }
    }

    /// Combines the neighbours' targets into the outputs of query row `query`.
    private func write(
        _ query: Int, weights: [Double], rows: [Int], classWeights: inout [Double], output: UnsafeMutableBufferPointer<Double>
    ) {
        var total = 0.0
        for i in 0..<neighborCount { total += weights[i] }
        switch task {
        case .regression:
            var sum = 0.0
            for i in 0..<neighborCount { sum += weights[i] * targets[rows[i]] }
            output[query] = sum / total
        case .binary:
            var positive = 0.0
            for i in 0..<neighborCount where targets[rows[i]] == 1 { positive += weights[i] }
            output[query] = positive / total
        case .multiclass(let classes):
            for c in 0..<classes { classWeights[c] = 0 }
            for i in 0..<neighborCount { classWeights[Int(targets[rows[i]])] += weights[i] }
            for c in 0..<classes { output[query * classes + c] = classWeights[c] / total }
        }
    }
}

extension KNearestNeighbors {
    enum CodingKeys: String, CodingKey {
        case formatVersion, task, inputCount, neighborCount, weighting, power, rowCount, trainingValues, targets
    }

    /// Decodes the layout documented on the type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.currentFormatVersion else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "k-nearest neighbours format version \(version) is not \(Self.currentFormatVersion)"
            ))
        }
        task = try container.decode(LearningTask.self, forKey: .task)
        inputCount = try container.decode(Int.self, forKey: .inputCount)
        neighborCount = try container.decode(Int.self, forKey: .neighborCount)
        weighting = try container.decode(Weighting.self, forKey: .weighting)
        power = try container.decode(Int.self, forKey: .power)
        rowCount = try container.decode(Int.self, forKey: .rowCount)
        trainingValues = try container.decode([Double].self, forKey: .trainingValues)
        targets = try container.decode([Double].self, forKey: .targets)
        let classes = task.classCount
        guard inputCount >= 0, rowCount >= 1, neighborCount >= 1, neighborCount <= rowCount, power == 1 || power == 2,
              trainingValues.count == rowCount * inputCount, targets.count == rowCount,
              task == .regression || targets.allSatisfy({ $0 >= 0 && $0 < Double(classes) && $0.rounded() == $0 }) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "the k-nearest neighbours model's sizes or targets are inconsistent"
            ))
        }
    }

    /// Encodes the layout documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentFormatVersion, forKey: .formatVersion)
        try container.encode(task, forKey: .task)
        try container.encode(inputCount, forKey: .inputCount)
        try container.encode(neighborCount, forKey: .neighborCount)
        try container.encode(weighting, forKey: .weighting)
        try container.encode(power, forKey: .power)
        try container.encode(rowCount, forKey: .rowCount)
        try container.encode(trainingValues, forKey: .trainingValues)
        try container.encode(targets, forKey: .targets)
    }
}
