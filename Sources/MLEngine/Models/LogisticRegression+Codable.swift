extension LogisticRegression {
    enum CodingKeys: String, CodingKey {
        case formatVersion, task, inputCount, penalty, coefficients, intercepts, intercept, converged, iterations, gradientNorm
    }

    /// Decodes the version-2 layout, or the version-1 binary layout (no `formatVersion`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decodeIfPresent(Int.self, forKey: .formatVersion) ?? 1
        coefficients = try container.decode([Double].self, forKey: .coefficients)
        converged = try container.decode(Bool.self, forKey: .converged)
        iterations = try container.decode(Int.self, forKey: .iterations)
        gradientNorm = try container.decode(Double.self, forKey: .gradientNorm)
        switch version {
        case 1:
            task = .binary
            inputCount = coefficients.count
            penalty = .l2
            intercepts = [try container.decode(Double.self, forKey: .intercept)]
        case 2:
            task = try container.decode(LearningTask.self, forKey: .task)
            inputCount = try container.decode(Int.self, forKey: .inputCount)
            penalty = try container.decode(Penalty.self, forKey: .penalty)
            intercepts = try container.decode([Double].self, forKey: .intercepts)
        default:
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "logistic regression format version \(version) is newer than this program reads (\(Self.currentFormatVersion))"
            ))
        }
        let weightRows = task == .binary ? 1 : task.classCount
        guard task != .regression, inputCount >= 0, intercepts.count == weightRows,
              coefficients.count == weightRows * inputCount else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "the logistic regression's weights do not match its task and input count"
            ))
        }
    }

    /// Encodes the version-2 layout.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentFormatVersion, forKey: .formatVersion)
        try container.encode(task, forKey: .task)
        try container.encode(inputCount, forKey: .inputCount)
        try container.encode(penalty, forKey: .penalty)
        try container.encode(coefficients, forKey: .coefficients)
        try container.encode(intercepts, forKey: .intercepts)
        try container.encode(converged, forKey: .converged)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(gradientNorm, forKey: .gradientNorm)
    }
}
