extension DecisionTree {
    /// Grows a tree depth first.
    ///
    /// Every feature's row indices are sorted once. A node owns the same range
    /// `start..<end` of every sorted list; splitting a node stably partitions each list's
    /// range into left rows then right rows, so the children's ranges stay sorted.
    struct Builder {
        /// Two values closer than this are treated as equal (scikit-learn's `FEATURE_THRESHOLD`).
        static let featureThreshold = 1e-7

        private struct Pending {
            var start: Int
            var end: Int
            var depth: Int
            var parent: Int
            var isLeft: Bool
        }

        private struct Split {
            var feature: Int
            var position: Int
            var threshold: Double
            var childImpurity: Double
            var leftImpurity: Double
            var rightImpurity: Double
        }

        let x: FeatureMatrix
        let labels: [Double]
        let hyperparameters: Hyperparameters
        let rowCount: Int
        let columnCount: Int
        /// `columnCount + 1` lists of `rowCount` row indices: each feature's sort order,
        /// then the rows in original order (for featureless data).
        private var order: [Int32]
        private var goesLeft: [Bool]
        private var scratch: [Int32]
        private var tree: DecisionTree

        init(x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters) {
            self.x = x
            self.labels = labels
            self.hyperparameters = hyperparameters
            rowCount = x.rows
            columnCount = x.columns
            var order: [Int32] = []
            order.reserveCapacity((x.columns + 1) * x.rows)
            for column in 0..<x.columns {
                let sorted = (0..<Int32(x.rows)).sorted { a, b in
                    let va = x[Int(a), column], vb = x[Int(b), column]
                    return va < vb || (va == vb && a < b)
                }
                order.append(contentsOf: sorted)
            }
            order.append(contentsOf: 0..<Int32(x.rows))
            self.order = order
            goesLeft = [Bool](repeating: false, count: x.rows)
            scratch = [Int32](repeating: 0, count: x.rows)
            tree = DecisionTree(
                feature: [], threshold: [], left: [], right: [], value: [], sampleCount: [], impurity: [],
                featureImportances: [Double](repeating: 0, count: x.columns)
            )
        }

        mutating func build() -> DecisionTree {
            var stack = [Pending(start: 0, end: rowCount, depth: 0, parent: -1, isLeft: false)]
            while let pending = stack.popLast() {
                let node = addNode(pending)
                guard let split = bestSplit(pending, impurity: tree.impurity[node]) else { continue }
                let count = Double(pending.end - pending.start)
                let leftCount = Double(split.position - pending.start)
                tree.feature[node] = split.feature
                tree.threshold[node] = split.threshold
                tree.featureImportances[split.feature] +=
                    count * tree.impurity[node] - leftCount * split.leftImpurity - (count - leftCount) * split.rightImpurity
                partition(pending, by: split)
                let depth = pending.depth + 1
                stack.append(Pending(start: split.position, end: pending.end, depth: depth, parent: node, isLeft: false))
                stack.append(Pending(start: pending.start, end: split.position, depth: depth, parent: node, isLeft: true))
            }
            let total = tree.featureImportances.reduce(0, +)
            if total > 0 {
                tree.featureImportances = tree.featureImportances.map { $0 / total }
            }
            return tree
        }

        /// Appends a leaf for `pending`, links it to its parent and returns its index.
        private mutating func addNode(_ pending: Pending) -> Int {
            let node = tree.feature.count
            let base = columnCount * rowCount
            var positives = 0.0
            for slot in pending.start..<pending.end {
                positives += labels[Int(order[base + slot])]
            }
            let count = Double(pending.end - pending.start)
            tree.feature.append(-1)
            tree.threshold.append(0)
            tree.left.append(-1)
            tree.right.append(-1)
            tree.value.append(positives / count)
            tree.sampleCount.append(pending.end - pending.start)
            tree.impurity.append(hyperparameters.criterion.impurity(count: count, positives: positives))
            if pending.parent >= 0 {
                if pending.isLeft { tree.left[pending.parent] = node } else { tree.right[pending.parent] = node }
            }
            return node
        }

        /// The split with the lowest weighted child impurity, or `nil` when the node stays a leaf.
        private func bestSplit(_ pending: Pending, impurity: Double) -> Split? {
            let count = pending.end - pending.start
            let minLeaf = hyperparameters.minSamplesLeaf
            if let maxDepth = hyperparameters.maxDepth, pending.depth >= maxDepth { return nil }
            if count < hyperparameters.minSamplesSplit || count < 2 * minLeaf || impurity <= Double.ulpOfOne {
                return nil
            }
            let criterion = hyperparameters.criterion
            var positives = 0.0
            for slot in pending.start..<pending.end {
                positives += labels[Int(order[columnCount * rowCount + slot])]
            }
            var best: Split?
            order.withUnsafeBufferPointer { order in
                x.values.withUnsafeBufferPointer { values in
                    for column in 0..<columnCount {
                        let base = column * rowCount
                        let first = values[Int(order[base + pending.start]) * columnCount + column]
                        let last = values[Int(order[base + pending.end - 1]) * columnCount + column]
                        if last <= first + Self.featureThreshold { continue }
                        var leftPositives = 0.0
                        for slot in pending.start..<(pending.end - 1) {
                            let row = Int(order[base + slot])
                            leftPositives += labels[row]
                            let current = values[row * columnCount + column]
                            let next = values[Int(order[base + slot + 1]) * columnCount + column]
                            let leftCount = slot + 1 - pending.start
                            let rightCount = count - leftCount
                            if next <= current + Self.featureThreshold || leftCount < minLeaf || rightCount < minLeaf {
                                continue
                            }
                            let leftImpurity = criterion.impurity(count: Double(leftCount), positives: leftPositives)
                            let rightImpurity = criterion.impurity(count: Double(rightCount), positives: positives - leftPositives)
                            let childImpurity = Double(leftCount) * leftImpurity + Double(rightCount) * rightImpurity
                            if childImpurity < best?.childImpurity ?? .infinity {
                                best = Split(
                                    feature: column, position: slot + 1, threshold: Self.midpoint(current, next),
                                    childImpurity: childImpurity, leftImpurity: leftImpurity, rightImpurity: rightImpurity
                                )
                            }
                        }
                    }
                }
            }
            return best
        }

        /// Halfway between two values, never rounding up to the larger one (as scikit-learn).
        static func midpoint(_ lower: Double, _ upper: Double) -> Double {
            let middle = lower / 2 + upper / 2
            return middle == upper || !middle.isFinite ? lower : middle
        }

        /// Reorders every list's node range into left rows then right rows, keeping each side sorted.
        private mutating func partition(_ pending: Pending, by split: Split) {
            let splitBase = split.feature * rowCount
            for slot in pending.start..<pending.end {
                goesLeft[Int(order[splitBase + slot])] = slot < split.position
            }
            for list in 0...columnCount where list != split.feature {
                let base = list * rowCount
                var leftEnd = pending.start
                var rightEnd = pending.start + (split.position - pending.start)
                for slot in pending.start..<pending.end {
                    let row = order[base + slot]
                    if goesLeft[Int(row)] {
                        scratch[leftEnd] = row
                        leftEnd += 1
                    } else {
                        scratch[rightEnd] = row
                        rightEnd += 1
                    }
                }
                for slot in pending.start..<pending.end {
                    order[base + slot] = scratch[slot]
                }
            }
        }
    }
}
