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

    /// The node count; per node its structure as a varint code: 0 for the usual leaf
    /// (feature -1, threshold 0, children -1); 1 for any other leaf, then its feature (zigzag),
    /// threshold (compact double) and children (zigzag, absolute); `2 + 2·feature + f` for a
    /// split, then its threshold (compact double), when `f` is 1 its left child's offset from
    /// the node (zigzag; `f` 0 means the next node), and its right child's offset (zigzag).
    /// Then per node the sample count (zigzag); for a binary tree each node's value and
    /// impurity (``NodeStatistics``), else the impurities and then the values
    /// (`task.outputWidth` per node) as compact doubles; and the importances (one 8-byte
    /// double per input).
    func writeNodes(to writer: inout ModelBinaryWriter) {
        let count = nodeCount
        writer.count(count)
        for node in 0..<count {
            let column = feature[node]
            if column >= 0 {
                let leftIsNext = left[node] == node &+ 1
                writer.unsigned(UInt64(truncatingIfNeeded: column) &* 2 &+ (leftIsNext ? 2 : 3))
                writer.compactDouble(threshold[node])
                if !leftIsNext { writer.signed(left[node] &- node) }
                writer.signed(right[node] &- node)
            } else if column == -1, threshold[node].bitPattern == 0, left[node] == -1, right[node] == -1 {
                writer.unsigned(0)
            } else {
                writer.unsigned(1)
                writer.signed(column)
                writer.compactDouble(threshold[node])
                writer.signed(left[node])
                writer.signed(right[node])
            }
        }
        for samples in sampleCount { writer.signed(samples) }
        if task == .binary {
            for node in 0..<count { NodeStatistics.write(value: value[node], impurity: impurity[node], to: &writer) }
        } else {
            writer.compactDoubles(impurity)
            writer.compactDoubles(value)
        }
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
            let code = try reader.unsigned()
            if code >= 2 {
                guard let column = Int(exactly: (code - 2) >> 1) else { throw ModelBinaryReader.damaged("a split column is out of range") }
                feature[node] = column
                threshold[node] = try reader.compactDouble()
                left[node] = (code - 2) & 1 == 0 ? node &+ 1 : node &+ (try reader.signed())
                right[node] = node &+ (try reader.signed())
            } else if code == 1 {
                feature[node] = try reader.signed()
                threshold[node] = try reader.compactDouble()
                left[node] = try reader.signed()
                right[node] = try reader.signed()
                guard feature[node] < 0 else { throw ModelBinaryReader.damaged("an explicit leaf has a split column") }
            }
        }
        var samples = [Int](repeating: 0, count: count)
        for node in 0..<count { samples[node] = try reader.signed() }
        var impurity: [Double]
        var value: [Double]
        if task == .binary {
            impurity = [Double](repeating: 0, count: count)
            value = [Double](repeating: 0, count: count)
            for node in 0..<count { (value[node], impurity[node]) = try NodeStatistics.read(from: &reader) }
        } else {
            impurity = try reader.compactDoubles(count: count)
            value = try reader.compactDoubles(count: ModelBinaryReader.product(count, task.outputWidth))
        }
        let importances = try reader.doubles(count: inputCount)
        self.init(
            task: task, feature: feature, threshold: threshold, left: left, right: right, value: value,
            sampleCount: samples, impurity: impurity, importances: importances)
        if let problem = structuralProblem() { throw ModelBinaryReader.damaged(problem) }
    }
}
