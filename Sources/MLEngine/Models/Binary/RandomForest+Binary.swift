extension RandomForest: BinaryModelPart {
    /// The task, the input count, the tree count, each tree's nodes (the layout of
    /// ``DecisionTree/writeNodes(to:)``; the trees share the forest's task and inputs), then
    /// the forest's importances (one double per input).
    func write(to writer: inout ModelBinaryWriter) {
        task.write(to: &writer)
        writer.count(inputCount)
        writer.count(trees.count)
        for tree in trees { tree.writeNodes(to: &writer) }
        writer.doublesWithoutCount(importances)
    }

    /// Reads the layout of ``write(to:)``; a forest needs at least one tree.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let task = try LearningTask(reading: &reader)
        let inputCount = try reader.count(minimumSize: 8)
        let treeCount = try reader.count()
        guard treeCount >= 1 else { throw ModelBinaryReader.damaged("a forest without trees") }
        var trees: [DecisionTree] = []
        trees.reserveCapacity(treeCount)
        for _ in 0..<treeCount {
            trees.append(try DecisionTree(readingNodesOf: task, inputCount: inputCount, from: &reader))
        }
        self.init(task: task, inputCount: inputCount, trees: trees, importances: try reader.doubles(count: inputCount))
    }
}
