extension DecisionTree {
    /// A matrix prepared once for growing trees, shared read-only by every tree of a forest:
    /// each column's distinct values in increasing order and every row's rank among them,
    /// plus the targets in the builder's form.
    ///
    /// Splits are searched on ranks: a node either counts its rows per rank (when the column
    /// has few distinct values for the node's size) or sorts its `(rank, row)` pairs, and
    /// thresholds are the midpoints of adjacent distinct values, exactly as sorting the values.
    struct TrainingData: Sendable {
        let task: LearningTask
        let rows: Int
        let columns: Int
        /// `ranks[column * rows + row]`: the row's value's index among the column's distinct values.
        let ranks: [UInt32]
        /// Every column's distinct values, increasing, one column after another.
        let distinct: [Double]
        /// Column `c`'s distinct values are `distinct[distinctStart[c]..<distinctStart[c + 1]]`.
        let distinctStart: [Int]
        /// The class index of every row (classification), else empty.
        let classes: [Int32]
        /// The target of every row (regression), else empty.
        let targets: [Double]
        /// The most distinct values of any column.
        let maxDistinct: Int

        /// Checks `x` and `targets` against `task` and ranks every column.
        /// - Throws: ``ModelError`` when the sizes disagree, there are no rows, a target does
        ///   not fit the task, or a value is not finite.
        init(_ x: FeatureMatrix, targets: [Double], task: LearningTask) throws(ModelError) {
            guard x.rows == targets.count else {
                throw ModelError("got \(x.rows) rows of features but \(targets.count) targets")
            }
            guard x.rows > 0 else { throw ModelError("cannot train on an empty dataset") }
            guard x.rows < Int(Int32.max) else { throw ModelError("a tree can be trained on at most \(Int32.max - 1) rows") }
            guard x.values.allSatisfy(\.isFinite) else {
                throw ModelError("the features contain values that are not finite numbers; impute missing values before training a tree")
            }
            self.task = task
            rows = x.rows
            columns = x.columns
            switch task {
            case .binary:
                guard targets.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw ModelError("labels must be 0 or 1") }
                classes = targets.map { Int32($0) }
                self.targets = []
            case .multiclass(let count):
                guard count >= 2 else { throw ModelError("a multiclass task needs at least 2 classes") }
                guard targets.allSatisfy({ $0 >= 0 && $0 < Double(count) && $0.rounded() == $0 }) else {
                    throw ModelError("class targets must be whole numbers in 0..<\(count)")
                }
                classes = targets.map { Int32($0) }
                self.targets = []
            case .regression:
                guard targets.allSatisfy(\.isFinite) else { throw ModelError("regression targets must be finite numbers") }
                classes = []
                self.targets = targets
            }
            var ranks = [UInt32](repeating: 0, count: x.rows * x.columns)
            var distinct: [Double] = []
            var distinctStart = [0]
            var column = [Double](repeating: 0, count: x.rows)
            var present: [UInt32] = []
            for c in 0..<x.columns {
                for r in 0..<x.rows { column[r] = x.values[r * x.columns + c] }
                ranks.withUnsafeMutableBufferPointer { all in
                    let columnRanks = UnsafeMutableBufferPointer(rebasing: all[(c * x.rows)..<((c + 1) * x.rows)])
                    if !Self.rankSmallIntegers(column, into: columnRanks, distinct: &distinct, present: &present) {
                        Self.rankBySorting(column, into: columnRanks, distinct: &distinct)
                    }
                }
                distinctStart.append(distinct.count)
            }
            let maxDistinct = zip(distinctStart.dropFirst(), distinctStart).map { $0 - $1 }.max() ?? 1
            self.ranks = ranks
            self.distinct = distinct
            self.distinctStart = distinctStart
            self.maxDistinct = max(maxDistinct, 1)
        }

        /// Ranks a column of whole numbers spanning a small range by marking which occur:
        /// linear time. Returns `false` (having changed nothing) for any other column.
        private static func rankSmallIntegers(
            _ column: [Double], into ranks: UnsafeMutableBufferPointer<UInt32>, distinct: inout [Double], present: inout [UInt32]
        ) -> Bool {
            guard let low = column.min(), let high = column.max(), high - low <= Double(max(4 * column.count, 1024)),
                  column.allSatisfy({ $0.rounded() == $0 })
            else { return false }
            let span = Int(high - low) + 1
            if present.count < span { present = [UInt32](repeating: 0, count: span) }
            present.withUnsafeMutableBufferPointer { present in
                for i in 0..<span { present[i] = 0 }
                for value in column { present[Int(value - low)] = 1 }
                var rank: UInt32 = 0
                for i in 0..<span where present[i] != 0 {
                    present[i] = rank
                    distinct.append(low + Double(i))
                    rank += 1
                }
                for (row, value) in column.enumerated() { ranks[row] = present[Int(value - low)] }
            }
            return true
        }

        /// Ranks any column: sort, deduplicate, binary search each value.
        private static func rankBySorting(_ column: [Double], into ranks: UnsafeMutableBufferPointer<UInt32>, distinct: inout [Double]) {
            let first = distinct.count
            for value in column.sorted() where distinct.count == first || distinct[distinct.count - 1] != value {
                distinct.append(value)
            }
            let count = distinct.count - first
            distinct.withUnsafeBufferPointer { all in
                let values = UnsafeBufferPointer(rebasing: all[first..<(first + count)])
                for (row, value) in column.enumerated() {
                    var low = 0, high = count - 1
                    while low < high {
                        let middle = (low + high) >> 1
                        if values[middle] < value { low = middle + 1 } else { high = middle }
                    }
                    ranks[row] = UInt32(low)
                }
            }
        }

        /// The number of statistics per bin: one weight per class, or (weight, Σwy, Σwy²).
        var statWidth: Int { task.isClassification ? task.classCount : 3 }
    }
}
