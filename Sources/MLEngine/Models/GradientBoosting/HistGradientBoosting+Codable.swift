extension HistGradientBoosting: Codable {
    private enum Key: String, CodingKey {
        case formatVersion, task, inputCount, baseline, iterations, validationLosses, featureImportances, trees
    }

    private enum TreeKey: String, CodingKey {
        case roots, feature, threshold, left, right, missingLeft, categorySet, categorySets
    }

    /// Decodes the layout written by ``encode(to:)``, checking every index so a damaged
    /// file cannot make prediction read out of bounds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.formatVersion else {
            throw ModelError("gradient boosting model format \(version) is not supported; this version reads format \(Self.formatVersion)")
        }
        task = try container.decode(LearningTask.self, forKey: .task)
        inputCount = try container.decode(Int.self, forKey: .inputCount)
        baseline = try container.decode([Double].self, forKey: .baseline)
        iterations = try container.decode(Int.self, forKey: .iterations)
        validationLosses = try container.decode([Double].self, forKey: .validationLosses)
        featureImportances = try container.decodeIfPresent([Double].self, forKey: .featureImportances)
        let trees = try container.nestedContainer(keyedBy: TreeKey.self, forKey: .trees)
        let feature = try trees.decode([Int32].self, forKey: .feature)
        let threshold = try trees.decode([Double].self, forKey: .threshold)
        let left = try trees.decode([Int32].self, forKey: .left)
        let right = try trees.decode([Int32].self, forKey: .right)
        let missingLeft = try trees.decode([Bool].self, forKey: .missingLeft)
        let categorySet = try trees.decode([Int32].self, forKey: .categorySet)
        var ensemble = TreeEnsemble()
        ensemble.roots = try trees.decode([Int32].self, forKey: .roots)
        ensemble.categorySets = try trees.decode([UInt32].self, forKey: .categorySets)
        let count = feature.count
        let damaged = ModelError("the gradient boosting model file is damaged: its tree arrays do not fit together")
        guard baseline.count == task.outputWidth, inputCount >= 0,
              [threshold.count, left.count, right.count, missingLeft.count, categorySet.count].allSatisfy({ $0 == count }),
              ensemble.categorySets.count % 8 == 0,
              ensemble.roots.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw damaged }
        let sets = Int32(ensemble.categorySets.count / 8)
        for i in 0..<count where feature[i] >= 0 {
            guard Int(feature[i]) < inputCount, Int(left[i]) > i, Int(left[i]) + 1 < count, right[i] == left[i] + 1,
                  categorySet[i] < sets, threshold[i].isFinite else { throw damaged }
        }
        ensemble.nodes = (0..<count).map { i in
            guard feature[i] >= 0 else { return TreeEnsemble.Node(threshold: threshold[i], left: 0, info: 0) }
            let categorical = categorySet[i] >= 0
            return TreeEnsemble.Node(
                threshold: categorical ? Double(categorySet[i]) : threshold[i], left: left[i],
                info: UInt32(feature[i]) << 2 | (categorical ? 2 : 0) | (missingLeft[i] ? 1 : 0))
        }
        self.ensemble = ensemble
    }

    /// Encodes the model as JSON:
    /// - `formatVersion`: 1.
    /// - `task`: the ``LearningTask``; `inputCount`: the matrix columns taken.
    /// - `baseline`: the starting raw score per output; `iterations`: iterations run;
    ///   `validationLosses`: the early-stopping curve (empty when off);
    ///   `featureImportances`: normalised total gain per column.
    /// - `trees`: all nodes of all trees as parallel arrays indexed by node: `feature`
    ///   (column tested, -1 for a leaf), `threshold` (go left when value <= threshold; for a
    ///   leaf, the value it adds, learning rate applied), `left`/`right` (absolute child node
    ///   indices, -1 for a leaf; always adjacent), `missingLeft` (where NaN or a negative category code goes), `categorySet`
    ///   (-1, or the index of the node's 8-word bitset in `categorySets`: bit `c` of word
    ///   `c / 32` set = category `c` goes left; unseen categories go right); `roots`: each
    ///   tree's root node, trees in iteration order and, per iteration, output order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(task, forKey: .task)
        try container.encode(inputCount, forKey: .inputCount)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(validationLosses, forKey: .validationLosses)
        try container.encodeIfPresent(featureImportances, forKey: .featureImportances)
        var trees = container.nestedContainer(keyedBy: TreeKey.self, forKey: .trees)
        try trees.encode(ensemble.roots, forKey: .roots)
        let nodes = ensemble.nodes
        try trees.encode(nodes.map { $0.isLeaf ? -1 : Int32($0.feature) }, forKey: .feature)
        try trees.encode(nodes.map { $0.isCategorical ? 0 : $0.threshold }, forKey: .threshold)
        try trees.encode(nodes.map { $0.isLeaf ? -1 : $0.left }, forKey: .left)
        try trees.encode(nodes.map { $0.isLeaf ? -1 : $0.left + 1 }, forKey: .right)
        try trees.encode(nodes.map(\.missingLeft), forKey: .missingLeft)
        try trees.encode(nodes.map { $0.isCategorical ? Int32($0.categorySet) : -1 }, forKey: .categorySet)
        try trees.encode(ensemble.categorySets, forKey: .categorySets)
    }
}
