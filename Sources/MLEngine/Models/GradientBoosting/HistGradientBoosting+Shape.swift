extension HistGradientBoosting {
    /// The size and depth of the boosted trees, for benchmarks and reports.
    public struct Shape: Sendable, Equatable {
        /// The number of trees.
        public var trees: Int
        /// The number of split nodes over all trees.
        public var splits: Int
        /// How many of those splits are categorical.
        public var categoricalSplits: Int
        /// The number of leaves over all trees.
        public var leaves: Int
        /// The deepest leaf's depth (a lone root leaf has depth 0).
        public var maxDepth: Int
    }

    /// The trees' shape.
    public var shape: Shape {
        var shape = Shape(trees: ensemble.roots.count, splits: 0, categoricalSplits: 0, leaves: 0, maxDepth: 0)
        var stack: [(index: Int, depth: Int)] = ensemble.roots.map { (Int($0), 0) }
        while let (index, depth) = stack.popLast() {
            let node = ensemble.nodes[index]
            if node.isLeaf {
                shape.leaves += 1
                shape.maxDepth = max(shape.maxDepth, depth)
            } else {
                shape.splits += 1
                if node.isCategorical { shape.categoricalSplits += 1 }
                stack.append((Int(node.left), depth + 1))
                stack.append((Int(node.left) + 1, depth + 1))
            }
        }
        return shape
    }
}
