import Foundation

extension DecisionTree {
    /// Grows one tree from prepared ``TrainingData``.
    ///
    /// A node owns the range `start..<end` of the sample list. To find its split it adds, for
    /// each examined column, its rows' statistics (class weights, or weight, Σwy, Σwy²) into a
    /// table indexed by the column's rank, then scans the ranks in order: every rank when the
    /// column has few distinct values for the node's size, else only the ranks it touched,
    /// radix-sorted. The chosen split partitions the node's range in place. No allocation per
    /// node or row.
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
        private let touched: UnsafeMutablePointer<UInt32>
        private let sortScratch: UnsafeMutablePointer<UInt32>
        private let buckets: UnsafeMutablePointer<Int>
        /// Whether bins count their rows (for `min_samples_leaf` > 1, and sparse scans).
        private let countsRows: Bool
        private let totals: UnsafeMutablePointer<Double>
        private let left: UnsafeMutablePointer<Double>
        private let bestLeft: UnsafeMutablePointer<Double>
        private let featureOrder: UnsafeMutablePointer<Int>

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
            touched = .allocate(capacity: max(data.rows, 1))
            sortScratch = .allocate(capacity: max(data.rows, 1))
            buckets = .allocate(capacity: 256)
            countsRows = settings.minSamplesLeaf > 1
            totals = .allocate(capacity: width)
            left = .allocate(capacity: width)
            bestLeft = .allocate(capacity: width)
            featureOrder = .allocate(capacity: max(data.columns, 1))
            for column in 0..<data.columns { featureOrder[column] = column }
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
            touched.deallocate()
            sortScratch.deallocate()
            buckets.deallocate()
            featureOrder.deallocate()
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
            // Classification: each pending node's class weights, known from its parent's split
            // (exact for the whole-number weights of a bootstrap), so a node need not re-add them.
            var stackStats: [Double] = []
            while let pending = stack.popLast() {
                var known = false
                if !isRegression, pending.parent >= 0 {
                    for k in (0..<width).reversed() { totals[k] = stackStats.removeLast() }
                    known = true
                }
                let node = addNode(
                    start: pending.start, end: pending.end, parent: pending.parent, isLeft: pending.isLeft,
                    impurity: pending.impurity, totalsKnown: known)
                guard let split = findSplit(node: node, start: pending.start, end: pending.end, depth: pending.depth) else { continue }
                let middle = apply(split, node: node, start: pending.start, end: pending.end)
                let depth = pending.depth + 1
                stack.append(Pending(start: middle, end: pending.end, depth: depth, parent: node, isLeft: false, impurity: split.rightImpurity))
                stack.append(Pending(start: pending.start, end: middle, depth: depth, parent: node, isLeft: true, impurity: split.leftImpurity))
                if !isRegression {
                    for k in 0..<width { stackStats.append(totals[k] - bestLeft[k]) }
                    for k in 0..<width { stackStats.append(bestLeft[k]) }
                }
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
        private func addNode(
            start: Int, end: Int, parent: Int, isLeft: Bool, impurity given: Double?, totalsKnown: Bool = false
        ) -> Int {
            let node = tree.feature.count
            if !totalsKnown { for k in 0..<width { totals[k] = 0 } }
            if totalsKnown {
                // `totals` already holds the node's statistics.
            } else if isRegression {
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
            var generator = self.generator
            defer { self.generator = generator }
            while index < columns, visited < settings.maxFeatures {
                if sampling {
                    let pick = index + generator.nextInt(below: columns - index)
                    let swapped = featureOrder[index]
                    featureOrder[index] = featureOrder[pick]
                    featureOrder[pick] = swapped
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

        /// Adds `feature`'s statistics over the node to the bin table and scans its boundaries
        /// for a split better than `best` (copying its left statistics to `bestLeft`).
        private func scanFeature(_ feature: Int, start: Int, end: Int, weight: Double, best: Double) -> Scan {
            let count = end - start
            let base = data.distinctStart[feature]
            let binCount = data.distinctStart[feature + 1] - base
            if binCount <= 1 { return Scan() }
            let dense = binCount <= 2 * count
            let counted = countsRows || !dense
            var touchedCount = 0
            data.ranks.withUnsafeBufferPointer { ranks in
                let column = ranks.baseAddress! + feature * data.rows
                if isRegression {
                    data.targets.withUnsafeBufferPointer { targets in
                        for i in start..<end {
                            let row = Int(samples[i])
                            let b = Int(column[row])
                            if counted {
                                if !dense, binCounts[b] == 0 {
                                    touched[touchedCount] = UInt32(b)
                                    touchedCount += 1
                                }
                                binCounts[b] += 1
                            }
                            let w = weights[row], y = targets[row]
                            binStats[3 * b] += w
                            binStats[3 * b + 1] += w * y
                            binStats[3 * b + 2] += w * y * y
                        }
                    }
                } else {
                    data.classes.withUnsafeBufferPointer { classes in
                        for i in start..<end {
                            let row = Int(samples[i])
                            let b = Int(column[row])
                            if counted {
                                if !dense, binCounts[b] == 0 {
                                    touched[touchedCount] = UInt32(b)
                                    touchedCount += 1
                                }
                                binCounts[b] += 1
                            }
                            binStats[width * b + Int(classes[row])] += weights[row]
                        }
                    }
                }
            }
            if !dense { sortTouched(touchedCount, below: binCount) }
            return data.distinct.withUnsafeBufferPointer { distinct in
                scanBins(
                    dense ? binCount : touchedCount, list: dense ? nil : touched, counted: counted,
                    values: distinct.baseAddress! + base, count: count, weight: weight, best: best
                )
            }
        }

        /// Sorts `touched[0..<count]` (values below `limit`): insertion sort when short, else
        /// a least-significant-digit radix sort on bytes.
        private func sortTouched(_ count: Int, below limit: Int) {
            if count <= 32 {
                for i in 1..<max(count, 1) {
                    let item = touched[i]
                    var j = i
                    while j > 0, touched[j - 1] > item {
                        touched[j] = touched[j - 1]
                        j -= 1
                    }
                    touched[j] = item
                }
                return
            }
            var source = touched, target = sortScratch
            var shift: UInt32 = 0
            while shift < 32, (limit - 1) >> Int(shift) > 0 {
                for i in 0..<256 { buckets[i] = 0 }
                for i in 0..<count { buckets[Int((source[i] >> shift) & 0xFF)] += 1 }
                var total = 0
                for i in 0..<256 {
                    let size = buckets[i]
                    buckets[i] = total
                    total += size
                }
                for i in 0..<count {
                    let digit = Int((source[i] >> shift) & 0xFF)
                    target[buckets[digit]] = source[i]
                    buckets[digit] += 1
                }
                swap(&source, &target)
                shift += 8
            }
            if source != touched { touched.update(from: source, count: count) }
        }

        /// Scans the bins in rank order — `0..<items`, or `list[0..<items]` when given —
        /// clearing them as it goes, for the best boundary between two occupied bins. Bins
        /// count their rows when `counted`; else a bin is occupied when it has weight.
        private func scanBins(
            _ items: Int, list: UnsafeMutablePointer<UInt32>?, counted: Bool,
            values: UnsafePointer<Double>, count: Int, weight: Double, best: Double
        ) -> Scan {
            var scan = Scan()
            scan.proxy = best
            let minLeaf = settings.minSamplesLeaf
            let criterion = settings.criterion
            for k in 0..<width { left[k] = 0 }
            var leftCount = 0
            var previous = -1
            for item in 0..<items {
                let b = list.map { Int($0[item]) } ?? item
                let binSize: Int
                if counted {
                    binSize = Int(binCounts[b])
                    if binSize == 0 { continue }
                    binCounts[b] = 0
                } else {
                    var binWeight = 0.0
                    if isRegression {
                        binWeight = binStats[3 * b]
                    } else {
                        for k in 0..<width { binWeight += binStats[width * b + k] }
                    }
                    if binWeight == 0 { continue }
                    binSize = 1
                }
                if previous >= 0, !counted || (leftCount >= minLeaf && count - leftCount >= minLeaf),
                   values[b] > values[previous] + Self.featureThreshold {
                    let proxy = proxyImprovement(criterion, weight: weight)
                    if proxy > scan.proxy {
                        scan.proxy = proxy
                        scan.found = true
                        scan.low = previous
                        scan.high = b
                        for k in 0..<width { bestLeft[k] = left[k] }
                    }
                }
                scan.presentBins += 1
                for k in 0..<width {
                    left[k] += binStats[width * b + k]
                    binStats[width * b + k] = 0
                }
                leftCount += binSize
                previous = b
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
