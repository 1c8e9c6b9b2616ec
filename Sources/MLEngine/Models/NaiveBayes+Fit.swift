import Foundation

extension NaiveBayes {
    /// Per-class means and smoothed variances of the numeric columns, skipping NaN.
    static func fitGaussian(
        _ x: FeatureMatrix, targets: [Double], classes: Int, columns: [Int], smoothing: Double
    ) -> (means: [Double], variances: [Double], epsilon: Double) {
        let width = columns.count
        var counts = [Double](repeating: 0, count: classes * width)
        var sums = [Double](repeating: 0, count: classes * width)
        var allCounts = [Double](repeating: 0, count: width)
        var allSums = [Double](repeating: 0, count: width)
        for row in 0..<x.rows {
            let k = Int(targets[row])
            for (f, column) in columns.enumerated() {
                let value = x.values[row * x.columns + column]
                guard !value.isNaN else { continue }
                counts[k * width + f] += 1
                sums[k * width + f] += value
                allCounts[f] += 1
                allSums[f] += value
            }
        }
        var means = [Double](repeating: 0, count: classes * width)
        for i in means.indices where counts[i] > 0 { means[i] = sums[i] / counts[i] }
        let allMeans = (0..<width).map { allCounts[$0] > 0 ? allSums[$0] / allCounts[$0] : 0 }
        var squares = [Double](repeating: 0, count: classes * width)
        var allSquares = [Double](repeating: 0, count: width)
        for row in 0..<x.rows {
            let k = Int(targets[row])
            for (f, column) in columns.enumerated() {
                let value = x.values[row * x.columns + column]
                guard !value.isNaN else { continue }
                let difference = value - means[k * width + f]
                squares[k * width + f] += difference * difference
                let overall = value - allMeans[f]
                allSquares[f] += overall * overall
            }
        }
        var largestVariance = 0.0
        for f in 0..<width where allCounts[f] > 0 { largestVariance = max(largestVariance, allSquares[f] / allCounts[f]) }
        let epsilon = smoothing * largestVariance
        var variances = [Double](repeating: 0, count: classes * width)
        for i in variances.indices {
            let variance = counts[i] > 0 ? squares[i] / counts[i] : 0
            // A floor keeps a constant column (variance and epsilon 0) from dividing by zero.
            variances[i] = max(variance + epsilon, Double.leastNormalMagnitude)
        }
        return (means, variances, epsilon)
    }

    /// Per-class smoothed log category probabilities of the categorical columns, skipping negative codes.
    static func fitCategorical(
        _ x: FeatureMatrix, targets: [Double], classes: Int, columns: [Int], hyperparameters: Hyperparameters
    ) throws(ModelError) -> (counts: [Int], logProbabilities: [Double]) {
        var categoryCounts: [Int] = []
        for column in columns {
            var count = max(hyperparameters.categoricalColumns[column] ?? 0, hyperparameters.minCategories ?? 0)
            for row in 0..<x.rows {
                let value = x.values[row * x.columns + column]
                if value.isNaN || value < 0 { continue }
                guard value.rounded(.down) == value, value < 1e9 else {
                    throw ModelError("categorical column \(column) holds \(value), which is not a category code (0, 1, 2, …)")
                }
                count = max(count, Int(value) + 1)
            }
            categoryCounts.append(count)
        }
        let total = categoryCounts.reduce(0, +)
        var counts = [Double](repeating: 0, count: classes * total)
        var seen = [Double](repeating: 0, count: classes * columns.count)
        for row in 0..<x.rows {
            let k = Int(targets[row])
            var offset = k * total
            for (f, column) in columns.enumerated() {
                let value = x.values[row * x.columns + column]
                if !value.isNaN, value >= 0 {
                    counts[offset + Int(value)] += 1
                    seen[k * columns.count + f] += 1
                }
                offset += categoryCounts[f]
            }
        }
        let alpha = hyperparameters.alpha
        var logProbabilities = [Double](repeating: 0, count: classes * total)
        for k in 0..<classes {
            var offset = k * total
            for f in columns.indices {
                let denominator = log(seen[k * columns.count + f] + alpha * Double(categoryCounts[f]))
                for c in 0..<categoryCounts[f] {
                    logProbabilities[offset + c] = log(counts[offset + c] + alpha) - denominator
                }
                offset += categoryCounts[f]
            }
        }
        return (categoryCounts, logProbabilities)
    }
}

extension NaiveBayes {
    enum CodingKeys: String, CodingKey {
        case formatVersion, task, inputCount, logPriors, numericColumns, means, variances, epsilon
        case categoricalColumns, categoryCounts, logProbabilities
    }

    /// Decodes the layout documented on the type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.currentFormatVersion else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "naive Bayes format version \(version) is not \(Self.currentFormatVersion)"
            ))
        }
        task = try container.decode(LearningTask.self, forKey: .task)
        inputCount = try container.decode(Int.self, forKey: .inputCount)
        logPriors = try container.decode([Double].self, forKey: .logPriors)
        numericColumns = try container.decode([Int].self, forKey: .numericColumns)
        means = try container.decode([Double].self, forKey: .means)
        variances = try container.decode([Double].self, forKey: .variances)
        epsilon = try container.decode(Double.self, forKey: .epsilon)
        categoricalColumns = try container.decode([Int].self, forKey: .categoricalColumns)
        categoryCounts = try container.decode([Int].self, forKey: .categoryCounts)
        logProbabilities = try container.decode([Double].self, forKey: .logProbabilities)
        let classes = logPriors.count
        let columnsValid = (numericColumns + categoricalColumns).allSatisfy { $0 >= 0 && $0 < inputCount }
        guard task.isClassification, classes == task.classCount, columnsValid, categoryCounts.allSatisfy({ $0 >= 0 }),
              means.count == classes * numericColumns.count, variances.count == means.count,
              categoryCounts.count == categoricalColumns.count,
              logProbabilities.count == classes * categoryCounts.reduce(0, +) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "the naive Bayes model's sizes are inconsistent"
            ))
        }
    }

    /// Encodes the layout documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentFormatVersion, forKey: .formatVersion)
        try container.encode(task, forKey: .task)
        try container.encode(inputCount, forKey: .inputCount)
        try container.encode(logPriors, forKey: .logPriors)
        try container.encode(numericColumns, forKey: .numericColumns)
        try container.encode(means, forKey: .means)
        try container.encode(variances, forKey: .variances)
        try container.encode(epsilon, forKey: .epsilon)
        try container.encode(categoricalColumns, forKey: .categoricalColumns)
        try container.encode(categoryCounts, forKey: .categoryCounts)
        try container.encode(logProbabilities, forKey: .logProbabilities)
    }
}
