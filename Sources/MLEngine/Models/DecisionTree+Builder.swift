import Foundation

extension DecisionTree {
    /// Grows one tree from prepared ``TrainingData``.
    ///
    /// A node owns the range `start..<end` of the sample list. To find its split it gathers,
    /// for each examined column, per-rank statistics of its rows (class weights, or weight,
    /// Σwy, Σwy²) — by counting into a table indexed by rank when the column has few distinct
    /// values for the node's size, else by sorting `(rank, row)` keys — and scans the ranks in
    /// order. The chosen split partitions the node's range in place. No allocation per row.
    final class Builder {
        /// Two values closer than this are treated as equal (scikit-learn's `FEATURE_THRESHOLD`).
        static let featureThreshold = 1e-7
        /// A node whose impurity is at most this is pure (scikit-learn's `EPSILON`).
        static let epsilon = Double.ulpOfOne

        struct Split {
            var feature: Int
            /// The highest rank that goes left.
            var rank: UInt32
            var threshold: Double
            var leftImpurity: Double
            var rightImpurity: Double
            var leftWeight: Double
            var rightWeight: Double
            /// scikit-learn's `impurity_improvement`: the weighted impurity decrease, as a
            /// fraction of the root's weight.
            var improvement: Double
        }

        let data: TrainingData
        let settings: Settings
        let width: Int
        let isRegression: Bool
        let rootWeight: Double
        var generator: SeededGenerator
        var tree: DecisionTree

        let sampleCount: Int
        private let samples: UnsafeMutablePointer<Int32>
        private let weights: UnsafeMutablePointer<Double>
        private let binStats: UnsafeMutablePointer<Double>
        private let binCounts: UnsafeMutablePointer<Int32>
        private let binRanks: UnsafeMutablePointer<UInt32>
        private let keys: UnsafeMutablePointer<UInt64>
        private let totals: UnsafeMutablePointer<Double>
        private let left: UnsafeMutablePointer<Double>
        private let bestLeft: UnsafeMutablePointer<Double>
        private var featureOrder: [Int]

        /// - Parameter rowWeights: per row, how often it was drawn (a bootstrap); `nil` for once each.
        init(data: TrainingData, rowWeights: [Double]?, settings: Settings, generator: SeededGenerator) {
            self.data = data
            self.settings = settings
            self.generator = generator
            width = data.statWidth
            isRegression = !data.task.isClassification
            weights = .allocate(capacity: data.rows)
            samples = .allocate(capacity: data.rows)
            var used = 0
            var total = 0.0
            for row in 0..<data.rows {
                let weight = rowWeights?[row] ?? 1
                weights[row] = weight
                if weight > 0 {
                    samples[used] = Int32(row)
                    used += 1
                    total += weight
                }
            }
            sampleCount = used
            rootWeight = total
            let binCapacity = max(data.maxDistinct, 1)
            binStats = .allocate(capacity: binCapacity * width)
            binStats.initialize(repeating: 0, count: binCapacity * width)
            binCounts = .allocate(capacity: binCapacity)
            binCounts.initialize(repeating: 0, count: binCapacity)
            binRanks = .allocate(capacity: binCapacity)
            keys = .allocate(capacity: max(data.rows, 1))
            totals = .allocate(capacity: width)
            left = .allocate(capacity: width)
            bestLeft = .allocate(capacity: width)
            featureOrder = Array(0..<data.columns)
            tree = DecisionTree(
                task: data.task, feature: [], threshold: [], left: [], right: [], value: [], sampleCount: [],
                impurity: [], importances: [Double](repeating: 0, count: data.columns)
            )
        }

        deinit {
            samples.deallocate()
            weights.deallocate()
            binStats.deallocate()
            binCounts.deallocate()
            binRanks.deallocate()
            keys.deallocate()
            totals.deallocate()
            left.deallocate()
            bestLeft.deallocate()
        }

        /// Grows a tree (depth first, or best first with `max_leaf_nodes`) and returns it.
        static func build(
            data: TrainingData, weights: [Double]?, settings: Settings, generator: inout SeededGenerator
        ) -> DecisionTree {
            let builder = Builder(data: data, rowWeights: weights, settings: settings, generator: generator)
            if let leaves = settings.maxLeafNodes {
                builder.growBestFirst(maxLeaves: leaves)
            } else {
                builder.growDepthFirst()
            }
            generator = builder.generator
            return builder.finished()
        }

        private func finished() -> DecisionTree {
            let total = tree.importances.reduce(0, +)
            if total > 0 {
                tree.importances = tree.importances.map { $0 / total }
            }
            return tree
        }

        // MARK: Growth orders

        private struct Pending {
            var start: Int
            var end: Int
            var depth: Int
            var parent: Int
            var isLeft: Bool
            var impurity: Double?
        }

        /// Depth first, nodes numbered in pre-order (scikit-learn's `DepthFirstTreeBuilder`).
        private func growDepthFirst() {
            var stack = [Pending(start: 0, end: sampleCount, depth: 0, parent: -1, isLeft: false, impurity: nil)]
            while let pending = stack.popLast() {
                let node = addNode(start: pending.start, end: pending.end, parent: pending.parent, isLeft: pending.isLeft, impurity: pending.impurity)
                guard let split = findSplit(node: node, start: pending.start, end: pending.end, depth: pending.depth) else { continue }
                let middle = apply(split, node: node, start: pending.start, end: pending.end)
                let depth = pending.depth + 1
                stack.append(Pending(start: middle, end: pending.end, depth: depth, parent: node, isLeft: false, impurity: split.rightImpurity))
                stack.append(Pending(start: pending.start, end: middle, depth: depth, parent: node, isLeft: true, impurity: split.leftImpurity))
            }
        }

        private struct Candidate {
            var node: Int
            var start: Int
            var end: Int
            var depth: Int
            var split: Split?
        }

        /// Best first: the frontier node whose split decreases impurity most is split next,
        /// until `maxLeaves` leaves (scikit-learn's `BestFirstTreeBuilder`; ties go to the older node).
        private func growBestFirst(maxLeaves: Int) {
            var frontier = CandidateHeap()
            func add(start: Int, end: Int, depth: Int, parent: Int, isLeft: Bool, impurity: Double?) {
                let node = addNode(start: start, end: end, parent: parent, isLeft: isLeft, impurity: impurity)
                let split = findSplit(node: node, start: start, end: end, depth: depth)
                frontier.push(Candidate(node: node, start: start, end: end, depth: depth, split: split))
            }
            add(start: 0, end: sampleCount, depth: 0, parent: -1, isLeft: false, impurity: nil)
            var splitsLeft = maxLeaves - 1
            while splitsLeft > 0, let candidate = frontier.pop() {
                guard let split = candidate.split else { continue }
                splitsLeft -= 1
                let middle = apply(split, node: candidate.node, start: candidate.start, end: candidate.end)
                add(start: candidate.start, end: middle, depth: candidate.depth + 1, parent: candidate.node, isLeft: true, impurity: split.leftImpurity)
                add(start: middle, end: candidate.end, depth: candidate.depth + 1, parent: candidate.node, isLeft: false, impurity: split.rightImpurity)
            }
        }

        /// A max-heap of candidates by improvement (leaves last), the lower node index first on ties.
        private struct CandidateHeap {
            private var items: [Candidate] = []

            private static func before(_ a: Candidate, _ b: Candidate) -> Bool {
                let ia = a.split?.improvement ?? -.infinity
                let ib = b.split?.improvement ?? -.infinity
                return ia > ib || (ia == ib && a.node < b.node)
            }

            mutating func push(_ candidate: Candidate) {
                items.append(candidate)
                var child = items.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard Self.before(items[child], items[parent]) else { break }
                    items.swapAt(child, parent)
                    child = parent
                }
            }

            mutating func pop() -> Candidate? {
                guard !items.isEmpty else { return nil }
                items.swapAt(0, items.count - 1)
                let top = items.removeLast()
                var parent = 0
                while true {
                    let l = 2 * parent + 1, r = l + 1
                    var first = parent
                    if l < items.count, Self.before(items[l], items[first]) { first = l }
                    if r < items.count, Self.before(items[r], items[first]) { first = r }
                    if first == parent { break }
                    items.swapAt(parent, first)
                    parent = first
                }
                return top
            }
        }

        // MARK: Nodes

        /// Appends a leaf for the rows `start..<end`, links it to its parent and returns its index.
        /// Leaves the node's statistics in `totals`.
        private func addNode(start: Int, end: Int, parent: Int, isLeft: Bool, impurity given: Double?) -> Int {
            let node = tree.feature.count
            for k in 0..<width { totals[k] = 0 }
            if isRegression {
                for i in start..<end {
                    let row = Int(samples[i])
                    let w = weights[row], y = data.targets[row]
                    totals[0] += w
                    totals[1] += w * y
                    totals[2] += w * y * y
                }
            } else {
                data.classes.withUnsafeBufferPointer { classes in
                    for i in start..<end {
                        let row = Int(samples[i])
                        totals[Int(classes[row])] += weights[row]
                    }
                }
            }
            let weight = nodeWeight(totals)
            tree.feature.append(-1)
            tree.threshold.append(0)
            tree.left.append(-1)
            tree.right.append(-1)
            switch data.task {
            case .binary: tree.value.append(totals[1] / weight)
            case .multiclass(let classes): for k in 0..<classes { tree.value.append(totals[k] / weight) }
            case .regression: tree.value.append(totals[1] / weight)
            }
            tree.sampleCount.append(end - start)
            tree.impurity.append(given ?? impurity(of: totals, weight: weight))
            if parent >= 0 {
                if isLeft { tree.left[parent] = node } else { tree.right[parent] = node }
            }
            return node
        }

        @inline(__always)
        private func nodeWeight(_ stats: UnsafeMutablePointer<Double>) -> Double {
            if isRegression { return stats[0] }
            var weight = 0.0
            for k in 0..<width { weight += stats[k] }
            return weight
        }

        /// The impurity of rows with statistics `stats` and total weight `weight`.
        private func impurity(of stats: UnsafeMutablePointer<Double>, weight: Double) -> Double {
            guard weight > 0 else { return 0 }
            switch settings.criterion {
            case .gini:
                var squares = 0.0
                for k in 0..<width { squares += stats[k] * stats[k] }
                return 1 - squares / (weight * weight)
            case .entropy, .logLoss:
                var entropy = 0.0
                for k in 0..<width where stats[k] > 0 {
                    let p = stats[k] / weight
                    entropy -= p * log2(p)
                }
                return entropy
            case .squaredError:
                let mean = stats[1] / weight
                return stats[2] / weight - mean * mean
            }
        }

        /// Makes `node` a split node, partitions its rows and returns where the right child's begin.
        private func apply(_ split: Split, node: Int, start: Int, end: Int) -> Int {
            let nodeWeight = split.leftWeight + split.rightWeight
            tree.feature[node] = split.feature
            tree.threshold[node] = split.threshold
            tree.importances[split.feature] +=
                nodeWeight * tree.impurity[node] - split.leftWeight * split.leftImpurity - split.rightWeight * split.rightImpurity
            return data.ranks.withUnsafeBufferPointer { ranks in
                let column = ranks.baseAddress! + split.feature * data.rows
                var i = start, j = end - 1
                while i <= j {
                    if column[Int(samples[i])] <= split.rank {
                        i += 1
                    } else {
                        let row = samples[i]
                        samples[i] = samples[j]
                        samples[j] = row
                        j -= 1
                    }
                }
                return i
            }
        }

        // MARK: Split search

        /// The best split of the node `start..<end` (whose statistics are in `totals`), or
        /// `nil` when it stays a leaf.
        private func findSplit(node: Int, start: Int, end: Int, depth: Int) -> Split? {
            let count = end - start
            let minLeaf = settings.minSamplesLeaf
            let nodeImpurity = tree.impurity[node]
            if depth >= settings.maxDepth || count < settings.minSamplesSplit || count < 2 * minLeaf
                || nodeImpurity <= Self.epsilon {
                return nil
            }
            let weight = nodeWeight(totals)
            var best = -Double.infinity
            var bestFeature = -1
            var bestLow = 0, bestHigh = 0
            var visited = 0
            let columns = data.columns
            let sampling = settings.maxFeatures < columns
            var index = 0
            while index < columns, visited < settings.maxFeatures {
                if sampling {
                    let pick = index + generator.nextInt(below: columns - index)
                    featureOrder.swapAt(index, pick)
                }
                let feature = featureOrder[index]
                index += 1
                let scan = scanFeature(feature, start: start, end: end, weight: weight, best: best)
                if scan.presentBins <= 1 { continue }
                visited += 1
                if scan.found {
                    best = scan.proxy
                    bestFeature = feature
                    bestLow = scan.low
                    bestHigh = scan.high
                }
            }
            guard bestFeature >= 0 else { return nil }
            var leftWeight = 0.0, rightWeight = 0.0
            if isRegression {
                leftWeight = bestLeft[0]
                rightWeight = totals[0] - bestLeft[0]
            } else {
                for k in 0..<width {
                    leftWeight += bestLeft[k]
                    rightWeight += totals[k] - bestLeft[k]
                }
            }
            let leftImpurity = impurity(of: bestLeft, weight: leftWeight)
            for k in 0..<width { left[k] = totals[k] - bestLeft[k] }
            let rightImpurity = impurity(of: left, weight: rightWeight)
            let improvement = weight / rootWeight
                * (nodeImpurity - rightWeight / weight * rightImpurity - leftWeight / weight * leftImpurity)
            if improvement + Self.epsilon < settings.minImpurityDecrease { return nil }
            let base = data.distinctStart[bestFeature]
            let threshold = Self.midpoint(data.distinct[base + bestLow], data.distinct[base + bestHigh])
            return Split(
                feature: bestFeature, rank: UInt32(bestLow), threshold: threshold, leftImpurity: leftImpurity,
                rightImpurity: rightImpurity, leftWeight: leftWeight, rightWeight: rightWeight, improvement: improvement
            )
        }

        private struct Scan {
            var presentBins = 0
            var found = false
            var proxy = -Double.infinity
            /// The ranks either side of the best boundary.
            var low = 0
            var high = 0
        }

        /// Gathers per-rank statistics of `feature` over the node and scans its boundaries for
        /// a split better than `best` (copying its left statistics to `bestLeft`).
        private func scanFeature(_ feature: Int, start: Int, end: Int, weight: Double, best: Double) -> Scan {
            let count = end - start
            let base = data.distinctStart[feature]
            let binCount = data.distinctStart[feature + 1] - base
            if binCount <= 1 { return Scan() }
            let counting = binCount <= 4 * count
            var bins = binCount
            data.ranks.withUnsafeBufferPointer { ranks in
                let column = ranks.baseAddress! + feature * data.rows
                if counting {
                    accumulate(start: start, end: end) { Int(column[$0]) }
                } else {
                    for i in 0..<count {
                        let row = samples[start + i]
                        keys[i] = UInt64(column[Int(row)]) << 32 | UInt64(UInt32(row))
                    }
                    var sorted = UnsafeMutableBufferPointer(start: keys, count: count)
                    sorted.sort()
                    var bin = -1
                    var previous = UInt64.max
                    for i in 0..<count {
                        let rank = keys[i] >> 32
                        if rank != previous {
                            bin += 1
                            binRanks[bin] = UInt32(rank)
                            previous = rank
                        }
                        keys[i] = UInt64(bin) << 32 | (keys[i] & 0xFFFF_FFFF)
                    }
                    bins = bin + 1
                    accumulate(keys: count) { Int(keys[$0] >> 32) }
                }
            }
            return data.distinct.withUnsafeBufferPointer { distinct in
                scanBins(
                    bins, values: distinct.baseAddress! + base, ranks: counting ? nil : binRanks,
                    count: count, weight: weight, best: best
                )
            }
        }

        /// Adds the node's rows to the bin tables, `bin(row)` giving each row's bin.
        @inline(__always)
        private func accumulate(start: Int, end: Int, bin: (Int) -> Int) {
            if isRegression {
                data.targets.withUnsafeBufferPointer { targets in
                    for i in start..<end {
                        let row = Int(samples[i])
                        let b = bin(row)
                        let w = weights[row], y = targets[row]
                        binCounts[b] += 1
                        binStats[3 * b] += w
                        binStats[3 * b + 1] += w * y
                        binStats[3 * b + 2] += w * y * y
                    }
                }
            } else {
                data.classes.withUnsafeBufferPointer { classes in
                    for i in start..<end {
                        let row = Int(samples[i])
                        let b = bin(row)
                        binCounts[b] += 1
                        binStats[width * b + Int(classes[row])] += weights[row]
                    }
                }
            }
        }

        /// Adds the sorted keys (bin in the high half, row in the low half) to the bin tables.
        @inline(__always)
        private func accumulate(keys count: Int, bin: (Int) -> Int) {
            if isRegression {
                data.targets.withUnsafeBufferPointer { targets in
                    for i in 0..<count {
                        let row = Int(keys[i] & 0xFFFF_FFFF)
                        let b = bin(i)
                        let w = weights[row], y = targets[row]
                        binCounts[b] += 1
                        binStats[3 * b] += w
                        binStats[3 * b + 1] += w * y
                        binStats[3 * b + 2] += w * y * y
                    }
                }
            } else {
                data.classes.withUnsafeBufferPointer { classes in
                    for i in 0..<count {
                        let row = Int(keys[i] & 0xFFFF_FFFF)
                        let b = bin(i)
                        binCounts[b] += 1
                        binStats[width * b + Int(classes[row])] += weights[row]
                    }
                }
            }
        }

        /// Scans bins `0..<bins` in order (clearing them as it goes) for the best boundary.
        /// `ranks` maps a bin to its rank when the bins are compacted, else bin = rank.
        private func scanBins(
            _ bins: Int, values: UnsafePointer<Double>, ranks: UnsafeMutablePointer<UInt32>?,
            count: Int, weight: Double, best: Double
        ) -> Scan {
            var scan = Scan()
            scan.proxy = best
            let minLeaf = settings.minSamplesLeaf
            let criterion = settings.criterion
            for k in 0..<width { left[k] = 0 }
            var leftCount = 0
            var previous = -1
            for b in 0..<bins {
                let binSize = Int(binCounts[b])
                if binSize == 0 { continue }
                let rank = ranks.map { Int($0[b]) } ?? b
                if previous >= 0, leftCount >= minLeaf, count - leftCount >= minLeaf,
                   values[rank] > values[previous] + Self.featureThreshold {
                    let proxy = proxyImprovement(criterion, weight: weight)
                    if proxy > scan.proxy {
                        scan.proxy = proxy
                        scan.found = true
                        scan.low = previous
                        scan.high = rank
                        for k in 0..<width { bestLeft[k] = left[k] }
                    }
                }
                scan.presentBins += 1
                for k in 0..<width {
                    left[k] += binStats[width * b + k]
                    binStats[width * b + k] = 0
                }
                binCounts[b] = 0
                leftCount += binSize
                previous = rank
            }
            return scan
        }

        /// A quantity that orders splits as the weighted child impurity (higher is better):
        /// Σₖ L²ₖ/wL + Σₖ R²ₖ/wR for gini, Σ c ln c − w ln w over both sides for entropy,
        /// (Σwy)²/w over both sides for squared error.
        @inline(__always)
        private func proxyImprovement(_ criterion: Criterion, weight: Double) -> Double {
            switch criterion {
            case .gini:
                var wl = 0.0, sl = 0.0, sr = 0.0
                for k in 0..<width {
                    let l = left[k], r = totals[k] - l
                    wl += l
                    sl += l * l
                    sr += r * r
                }
                return sl / wl + sr / (weight - wl)
            case .entropy, .logLoss:
                var wl = 0.0, total = 0.0
                for k in 0..<width {
                    let l = left[k], r = totals[k] - l
                    wl += l
                    if l > 0 { total += l * log(l) }
                    if r > 0 { total += r * log(r) }
                }
                let wr = weight - wl
                return total - wl * log(wl) - wr * log(wr)
            case .squaredError:
                let wl = left[0], wr = weight - wl
                let sl = left[1], sr = totals[1] - sl
                return sl * sl / wl + sr * sr / wr
            }
        }

        /// Halfway between two values, never rounding up to the larger one (as scikit-learn).
        static func midpoint(_ lower: Double, _ upper: Double) -> Double {
            let middle = lower / 2 + upper / 2
            return middle == upper || !middle.isFinite ? lower : middle
        }
    }
}
