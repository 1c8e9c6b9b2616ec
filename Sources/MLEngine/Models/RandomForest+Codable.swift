extension RandomForest {
    /// The JSON layout (format version 1):
    /// - `formatVersion`: 1.
    /// - `task`: the ``LearningTask``.
    /// - `inputCount`: the number of input columns.
    /// - `trees`: the trees in index order, each in ``DecisionTree``'s layout.
    /// - `featureImportances`: one per input column (see ``importances``).
    enum CodingKeys: String, CodingKey {
        case formatVersion, task, inputCount, trees
        case importances = "featureImportances"
    }

    /// Decodes a forest and checks that its trees agree with it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.formatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "unsupported random forest format version \(version); this engine reads version \(Self.formatVersion)"
            )
        }
        task = try container.decode(LearningTask.self, forKey: .task)
        inputCount = try container.decode(Int.self, forKey: .inputCount)
        trees = try container.decode([DecisionTree].self, forKey: .trees)
        importances = try container.decode([Double].self, forKey: .importances)
        guard !trees.isEmpty, importances.count == inputCount,
              trees.allSatisfy({ $0.task == task && $0.inputCount == inputCount })
        else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "the forest's trees do not match its task and inputs"
            ))
        }
    }

    /// Encodes the format-version-1 layout.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(task, forKey: .task)
        try container.encode(inputCount, forKey: .inputCount)
        try container.encode(trees, forKey: .trees)
        try container.encode(importances, forKey: .importances)
    }
}
