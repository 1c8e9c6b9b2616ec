extension DecisionTree: BinaryModelPart {
    /// The task, the input count, then the nodes (see ``writeNodes(to:)``).
    func write(to writer: inout ModelBinaryWriter) {
        task.write(to: &writer)
        writer.count(inputCount)
        writeNodes(to: &writer)
    }

    /// Reads the layout of ``write(to:)``.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let task = try LearningTask(reading: &reader)
        let inputCount = try reader.count(minimumSize: 8)
        try self.init(readingNodesOf: task, inputCount: inputCount, from: &reader)
    }

    /// The node count; per node its structure: the feature as a zigzag varint, and for a split
    /// the threshold (a compact double) and the children's offsets from the node (zigzag
    /// varints), for the usual leaf (feature -1, threshold 0, children -1) nothing more, for any
    /// other leaf the tag -2 then its feature, threshold (compact) and children; then per node
    /// the sample count (zigzag varint), then the impurities and the values (`task.outputWidth`
    /// per node) as compact doubles, and the importances (one 8-byte double per input).
    func writeNodes(to writer: inout ModelBinaryWriter) {
        let count = nodeCount
        writer.count(count)
        for node in 0..<count {
            let column = feature[node]
            if column >= 0 {
                writer.signed(column)
                writer.compactDouble(threshold[node])
                writer.signed(left[node] - node)
                writer.signed(right[node] - node)
            } else if column == -1, threshold[node].bitPattern == 0, left[node] == -1, right[node] == -1 {
                writer.signed(-1)
            } else {
                writer.signed(-2)
                writer.signed(column)
                writer.compactDouble(threshold[node])
                writer.signed(left[node])
                writer.signed(right[node])
            }
        }
        for samples in sampleCount { writer.signed(samples) }
        writer.compactDoubles(impurity)
        writer.compactDoubles(value)
        writer.doublesWithoutCount(importances)
    }

    /// Reads what ``writeNodes(to:)`` wrote for a tree of `task` taking `inputCount` columns,
    /// and checks that the nodes form a tree (children after their parent, columns in range).
    init(readingNodesOf task: LearningTask, inputCount: Int, from reader: inout ModelBinaryReader) throws(ModelError) {
        let count = try reader.count()
        var feature = [Int](repeating: -1, count: count)
        var threshold = [Double](repeating: 0, count: count)
        var left = [Int](repeating: -1, count: count)
        var right = [Int](repeating: -1, count: count)
        for node in 0..<count {
            let column = try reader.signed()
            if column >= 0 {
                feature[node] = column
                threshold[node] = try reader.compactDouble()
                left[node] = node &+ (try reader.signed())
                right[node] = node &+ (try reader.signed())
            } else if column == -2 {
                feature[node] = try reader.signed()
                threshold[node] = try reader.compactDouble()
                left[node] = try reader.signed()
                right[node] = try reader.signed()
                guard feature[node] < 0 else { throw ModelBinaryReader.damaged("an explicit leaf has a split column") }
            } else if column != -1 {
                throw ModelBinaryReader.damaged("node \(node) has an unknown tag")
            }
        }
        var samples = [Int](repeating: 0, count: count)
        for node in 0..<count { samples[node] = try reader.signed() }
        let impurity = try reader.compactDoubles(count: count)
        let value = try reader.compactDoubles(count: ModelBinaryReader.product(count, task.outputWidth))
        let importances = try reader.doubles(count: inputCount)
        self.init(
            task: task, feature: feature, threshold: threshold, left: left, right: right, value: value,
            sampleCount: samples, impurity: impurity, importances: importances)
        if let problem = structuralProblem() { throw ModelBinaryReader.damaged(problem) }
    }
}
