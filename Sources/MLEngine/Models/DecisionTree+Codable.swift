extension DecisionTree {
    /// The JSON layout (format version 2):
    /// - `formatVersion`: 2.
    /// - `task`: the ``LearningTask`` (`{"binary":{}}`, `{"multiclass":{"classes":3}}`, `{"regression":{}}`).
    /// - `feature`, `threshold`, `left`, `right`, `sampleCount`, `impurity`: one entry per node
    ///   (see the properties of the same names); leaves have feature, left and right -1.
    /// - `value`: `task.outputWidth` numbers per node, node after node (class-1 fraction,
    ///   class fractions, or mean target).
    /// - `featureImportances`: one per input column, summing to 1 (or all 0).
    ///
    /// A file without `formatVersion` is the first engine version's binary tree: the same
    /// fields, `value` holding the class-1 fraction of each node; it loads as a binary tree.
    enum CodingKeys: String, CodingKey {
        case formatVersion, task, feature, threshold, left, right, value, sampleCount, impurity
        case importances = "featureImportances"
    }

    /// Decodes a tree (either layout) and checks its structure, so a damaged file cannot make
    /// prediction index out of range or loop.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let version = try container.decodeIfPresent(Int.self, forKey: .formatVersion) {
            guard version == Self.formatVersion else {
                throw DecodingError.dataCorruptedError(
                    forKey: .formatVersion, in: container,
                    debugDescription: "unsupported decision tree format version \(version); this engine reads version \(Self.formatVersion)"
                )
            }
            task = try container.decode(LearningTask.self, forKey: .task)
        } else {
            task = .binary
        }
        feature = try container.decode([Int].self, forKey: .feature)
        threshold = try container.decode([Double].self, forKey: .threshold)
        left = try container.decode([Int].self, forKey: .left)
        right = try container.decode([Int].self, forKey: .right)
        value = try container.decode([Double].self, forKey: .value)
        sampleCount = try container.decode([Int].self, forKey: .sampleCount)
        impurity = try container.decode([Double].self, forKey: .impurity)
        importances = try container.decode([Double].self, forKey: .importances)
        if let problem = structuralProblem() {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    /// Encodes the format-version-2 layout.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(task, forKey: .task)
        try container.encode(feature, forKey: .feature)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(left, forKey: .left)
        try container.encode(right, forKey: .right)
        try container.encode(value, forKey: .value)
        try container.encode(sampleCount, forKey: .sampleCount)
        try container.encode(impurity, forKey: .impurity)
        try container.encode(importances, forKey: .importances)
    }

    /// A description of what is wrong with the node arrays, or `nil` when they form a valid tree.
    func structuralProblem() -> String? {
        let count = feature.count
        guard count > 0 else { return "a tree needs at least one node" }
        if case .multiclass(let classes) = task, classes < 2 { return "a multiclass tree needs at least 2 classes" }
        guard [threshold.count, left.count, right.count, sampleCount.count, impurity.count]
            .allSatisfy({ $0 == count }), value.count == count * task.outputWidth
        else { return "the node arrays differ in length" }
        for node in 0..<count where feature[node] >= 0 {
            // Children come after their parent, which also rules out cycles.
            guard feature[node] < importances.count,
                  left[node] > node, left[node] < count,
                  right[node] > node, right[node] < count
            else { return "node \(node) points outside the tree" }
        }
        return nil
    }
}
