extension HistGradientBoosting: BinaryModelPart {
    /// The task, the input count, the baseline (`task.outputWidth` doubles), the iterations,
    /// the validation losses (count and doubles), whether importances follow (a byte) and
    /// then them (count and doubles); the trees' roots (count and varints), the categorical
    /// bitsets (count and 4-byte little-endian words), and the nodes: a count, then per node
    /// its left child (a zigzag varint, 0 for a leaf), its `info` word (a varint: column << 2 |
    /// categorical << 1 | missing-left) and its threshold as a compact double (the leaf value
    /// for a leaf, the bitset index for a categorical split).
    func write(to writer: inout ModelBinaryWriter) {
        task.write(to: &writer)
        writer.count(inputCount)
        writer.doublesWithoutCount(baseline)
        writer.signed(iterations)
        writer.doubles(validationLosses)
        writer.bool(featureImportances != nil)
        if let featureImportances { writer.doubles(featureImportances) }
        writer.count(ensemble.roots.count)
        for root in ensemble.roots { writer.signed(Int(root)) }
        writer.count(ensemble.categorySets.count)
        for word in ensemble.categorySets { withUnsafeBytes(of: word.littleEndian) { writer.raw(Array($0)) } }
        writer.count(ensemble.nodes.count)
        for node in ensemble.nodes {
            writer.signed(Int(node.left))
            writer.unsigned(UInt64(node.info))
            writer.compactDouble(node.threshold)
        }
    }

    /// Reads the layout of ``write(to:)`` and checks every index, so a damaged input cannot
    /// make prediction read out of bounds or loop.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let task = try LearningTask(reading: &reader)
        let inputCount = try reader.count()
        let baseline = try reader.doubles(count: task.outputWidth)
        let iterations = try reader.signed()
        let losses = try reader.doubles()
        let importances = try reader.bool() ? try reader.doubles() : nil
        var ensemble = TreeEnsemble()
        let rootCount = try reader.count()
        ensemble.roots.reserveCapacity(rootCount)
        for _ in 0..<rootCount { ensemble.roots.append(try reader.int32()) }
        let wordCount = try reader.count(minimumSize: 4)
        let words = try reader.raw(count: wordCount * 4)
        ensemble.categorySets = (0..<wordCount).map { index in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(words[index * 4 + $1]) << (8 * $1) }
        }
        let nodeCount = try reader.count(minimumSize: 3)
        ensemble.nodes.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount {
            let left = try reader.int32()
            let info = try reader.unsigned()
            guard let narrow = UInt32(exactly: info) else { throw ModelBinaryReader.damaged("a node's column is out of range") }
            ensemble.nodes.append(TreeEnsemble.Node(threshold: try reader.compactDouble(), left: left, info: narrow))
        }
        guard iterations >= 0, importances.map({ $0.count == inputCount }) ?? true, wordCount % 8 == 0,
              ensemble.roots.allSatisfy({ $0 >= 0 && Int($0) < nodeCount })
        else { throw ModelBinaryReader.damaged("the gradient boosting model's arrays do not fit together") }
        let sets = wordCount / 8
        for (index, node) in ensemble.nodes.enumerated() where !node.isLeaf {
            let set = node.threshold
            guard node.feature < inputCount, Int(node.left) > index, Int(node.left) + 1 < nodeCount,
                  node.isCategorical ? (set >= 0 && set < Double(sets) && set.rounded() == set) : node.threshold.isFinite
            else { throw ModelBinaryReader.damaged("gradient boosting node \(index) points outside its tree") }
        }
        self.init(
            task: task, inputCount: inputCount, baseline: baseline, iterations: iterations, validationLosses: losses,
            featureImportances: importances, ensemble: ensemble)
    }
}
