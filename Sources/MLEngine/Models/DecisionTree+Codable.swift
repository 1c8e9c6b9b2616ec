extension DecisionTree {
    enum CodingKeys: String, CodingKey {
        case feature, threshold, left, right, value, sampleCount, impurity, featureImportances
    }

    /// Decodes a tree and checks its structure, so a damaged file cannot make prediction
    /// index out of range or loop.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        feature = try container.decode([Int].self, forKey: .feature)
        threshold = try container.decode([Double].self, forKey: .threshold)
        left = try container.decode([Int].self, forKey: .left)
        right = try container.decode([Int].self, forKey: .right)
        value = try container.decode([Double].self, forKey: .value)
        sampleCount = try container.decode([Int].self, forKey: .sampleCount)
        impurity = try container.decode([Double].self, forKey: .impurity)
        featureImportances = try container.decode([Double].self, forKey: .featureImportances)
        if let problem = structuralProblem() {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    /// A description of what is wrong with the node arrays, or `nil` when they form a valid tree.
    private func structuralProblem() -> String? {
        let count = feature.count
        guard count > 0 else { return "a tree needs at least one node" }
        guard [threshold.count, left.count, right.count, value.count, sampleCount.count, impurity.count]
            .allSatisfy({ $0 == count })
        else { return "the node arrays differ in length" }
        for node in 0..<count where feature[node] >= 0 {
            // Pre-order storage: children come after their parent, which also rules out cycles.
            guard feature[node] < featureImportances.count,
                  left[node] > node, left[node] < count,
                  right[node] > node, right[node] < count
            else { return "node \(node) points outside the tree" }
        }
        return nil
    }
}
