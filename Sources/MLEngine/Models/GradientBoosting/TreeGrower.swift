/// Grows one regression tree on gradients and hessians, leaf-wise (best-first) as LightGBM:
/// the leaf whose best split gains most is split next, until `maxLeafNodes` leaves.
///
/// Rows live in one index array; each leaf owns a contiguous range of it, partitioned stably
/// on a split. Only the smaller child's histogram is built; the larger one's is the parent's
/// minus it. Buffers are reused from tree to tree.
final class TreeGrower {
    private struct Leaf {
        var start: Int
        var count: Int
        var depth: Int
        var total: GradientStats
        var slot: Int
        var node: Int
        var split: SplitCandidate
    }

    private let binned: BinnedMatrix
    private let settings: HistGradientBoosting.Hyperparameters
    private let finder: SplitFinder
    private let pool: HistogramPool
    private let threads: Int
    private var rowIndices: [Int32]
    private var scratch: [Int32]
    private var orderedGradients: [Double]
    private var orderedHessians: [Double]

    init(binned: BinnedMatrix, settings: HistGradientBoosting.Hyperparameters, threads: Int) {
        self.binned = binned
        self.settings = settings
        self.threads = threads
        finder = SplitFinder(
            minSamplesLeaf: Double(settings.minSamplesLeaf), minHessianLeaf: settings.minHessianLeaf,
            l2: settings.l2Regularization, maxCategoryThreshold: settings.maxCategoryThreshold,
            binCounts: binned.binCounts, isCategorical: binned.isCategorical)
        pool = HistogramPool(columns: binned.columns, slots: settings.maxLeafNodes, binCounts: binned.binCounts)
        rowIndices = [Int32](repeating: 0, count: binned.rows)
        scratch = rowIndices
        orderedGradients = [Double](repeating: 0, count: binned.rows)
        orderedHessians = orderedGradients
    }

    /// Grows a tree into `ensemble` splitting only on the `active` columns (ascending), adds
    /// each split's gain to `importances[column]`, and writes the value the tree gives every
    /// training row into `rowValues`.
    func grow(
        gradients: UnsafePointer<Double>, hessians: UnsafePointer<Double>, active: [Int], ensemble: inout TreeEnsemble,
        importances: inout [Double], rowValues: UnsafeMutablePointer<Double>
    ) {
        let rows = binned.rows
        for r in 0..<rows { rowIndices[r] = Int32(r) }
        var total = GradientStats()
        for r in 0..<rows {
            total.gradient += gradients[r]
            total.hessian += hessians[r]
        }
        total.count = Double(rows)
        let root = ensemble.appendNode()
        ensemble.roots.append(Int32(root))
        binned.bins.withUnsafeBufferPointer { binBuffer in
            guard let bins = binBuffer.baseAddress else { return }
            pool.build(slot: 0, bins: bins, rows: rows, rowIndices: nil, count: rows, gradients: gradients, hessians: hessians,
                       active: active, threads: threads)
            var leaves = [Leaf(start: 0, count: rows, depth: 0, total: total, slot: 0, node: root, split: SplitCandidate())]
            leaves[0].split = splittable(leaves[0]) ? finder.best(histogram: pool.slot(0), total: total, active: active) : SplitCandidate()
            var nextSlot = 1
            while leaves.count < settings.maxLeafNodes {
                var chosen = -1
                for (index, leaf) in leaves.enumerated() where leaf.split.isValid {
                    if chosen < 0 || leaf.split.gain > leaves[chosen].split.gain { chosen = index }
                }
                if chosen < 0 { break }
                let parent = leaves[chosen]
                let split = parent.split
                let leftCount = partition(parent, split: split, bins: bins + split.feature * rows)
                record(split, node: parent.node, ensemble: &ensemble)
                importances[split.feature] += split.gain
                let leftNode = ensemble.appendNode()
                let rightNode = ensemble.appendNode()
                ensemble.nodes[parent.node].left = Int32(leftNode)
                var left = Leaf(start: parent.start, count: leftCount, depth: parent.depth + 1, total: split.left,
                                slot: -1, node: leftNode, split: SplitCandidate())
                var right = Leaf(start: parent.start + leftCount, count: parent.count - leftCount, depth: parent.depth + 1,
                                 total: split.right, slot: -1, node: rightNode, split: SplitCandidate())
                let leftSplits = splittable(left)
                let rightSplits = splittable(right)
                if leftSplits || rightSplits {
                    let smallIsLeft = left.count <= right.count
                    let small = smallIsLeft ? left : right
                    let slot = nextSlot
                    nextSlot += 1
                    buildHistogram(slot: slot, leaf: small, bins: bins, gradients: gradients, hessians: hessians, active: active)
                    pool.subtract(child: slot, fromParent: parent.slot, active: active)
                    left.slot = smallIsLeft ? slot : parent.slot
                    right.slot = smallIsLeft ? parent.slot : slot
                    if leftSplits { left.split = finder.best(histogram: pool.slot(left.slot), total: left.total, active: active) }
                    if rightSplits { right.split = finder.best(histogram: pool.slot(right.slot), total: right.total, active: active) }
                }
                leaves[chosen] = left
                leaves.insert(right, at: chosen + 1)
            }
            for leaf in leaves {
                let value = -leaf.total.gradient / (leaf.total.hessian + settings.l2Regularization) * settings.learningRate
                ensemble.nodes[leaf.node].threshold = value
                for i in leaf.start..<(leaf.start + leaf.count) {
                    rowValues[Int(rowIndices[i])] = value
                }
            }
        }
    }

    private func splittable(_ leaf: Leaf) -> Bool {
        if let maxDepth = settings.maxDepth, leaf.depth >= maxDepth { return false }
        return leaf.count >= 2 * settings.minSamplesLeaf
    }

    private func buildHistogram(
        slot: Int, leaf: Leaf, bins: UnsafePointer<UInt8>, gradients: UnsafePointer<Double>, hessians: UnsafePointer<Double>,
        active: [Int]
    ) {
        let count = leaf.count
        rowIndices.withUnsafeBufferPointer { indexBuffer in
            orderedGradients.withUnsafeMutableBufferPointer { og in
                orderedHessians.withUnsafeMutableBufferPointer { oh in
                    guard let indices = indexBuffer.baseAddress, let g = og.baseAddress, let h = oh.baseAddress else { return }
                    let segment = indices + leaf.start
                    for i in 0..<count {
                        let row = Int(segment[i])
                        g[i] = gradients[row]
                        h[i] = hessians[row]
                    }
                    pool.build(slot: slot, bins: bins, rows: binned.rows, rowIndices: segment, count: count,
                               gradients: g, hessians: h, active: active, threads: threads)
                }
            }
        }
    }

    /// Stably moves the leaf's rows going left before those going right; returns how many go left.
    ///
    /// Branch-free: every row is written both to its place on the left and to the spill
    /// buffer, and only the matching count advances (the direction of a row is a coin toss
    /// for the branch predictor).
    private func partition(_ leaf: Leaf, split: SplitCandidate, bins column: UnsafePointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { table in
            for bin in 0..<256 { table[bin] = split.goesLeft(bin) ? 1 : 0 }
            var leftCount = 0
            var rightCount = 0
            rowIndices.withUnsafeMutableBufferPointer { indices in
                scratch.withUnsafeMutableBufferPointer { spill in
                    guard let base = indices.baseAddress, let spillBase = spill.baseAddress else { return }
                    let start = base + leaf.start
                    for i in 0..<leaf.count {
                        let row = start[i]
                        let left = table[Int(column[Int(row)])]
                        start[leftCount] = row
                        spillBase[rightCount] = row
                        leftCount &+= left
                        rightCount &+= 1 &- left
                    }
                    (start + leftCount).update(from: spillBase, count: rightCount)
                }
            }
            return leftCount
        }
    }

    /// Writes the split into its node: raw threshold, missing direction, category bitset.
    private func record(_ split: SplitCandidate, node: Int, ensemble: inout TreeEnsemble) {
        ensemble.nodes[node].info = UInt32(split.feature) << 2 | (split.categories == nil ? 0 : 2) | (split.missingLeft ? 1 : 0)
        if let categories = split.categories {
            ensemble.nodes[node].threshold = Double(ensemble.categorySets.count / 8)
            ensemble.categorySets.append(contentsOf: categories.array)
        } else {
            let cuts = binned.cuts[split.feature]
            ensemble.nodes[node].threshold = split.bin < cuts.count ? cuts[split.bin] : Double.greatestFiniteMagnitude
        }
    }
}
