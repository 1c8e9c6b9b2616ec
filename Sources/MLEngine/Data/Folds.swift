/// K-fold cross-validation: `folds` train/test partitions of `count` rows in which every row
/// is tested exactly once, as scikit-learn's `KFold`.
///
/// Fold sizes are `count / folds`, the first `count % folds` folds one row larger. Without
/// shuffling, fold `i` tests a contiguous block of rows; with shuffling the rows are first
/// permuted by a Fisher–Yates shuffle driven by ``SeededGenerator/nextInt(below:)``.
/// Both halves of every fold are sorted ascending.
///
/// ```swift
/// for (train, test) in try KFold.indices(count: frame.rowCount, folds: 5) { … }
/// ```
public enum KFold {
    /// Unshuffled folds: fold `i` tests the `i`-th block of consecutive rows.
    /// - Throws: ``DataError`` when `folds < 2` or `folds > count`.
    public static func indices(count: Int, folds: Int) throws(DataError) -> [(train: [Int], test: [Int])] {
        var generator = SeededGenerator(seed: 0)
        return try indices(count: count, folds: folds, shuffle: false, generator: &generator)
    }

    /// Folds of `count` rows; with `shuffle` the rows are permuted with `generator` first
    /// (which is not used otherwise).
    /// - Throws: ``DataError`` when `folds < 2` or `folds > count`.
    public static func indices(
        count: Int, folds: Int, shuffle: Bool, generator: inout SeededGenerator
    ) throws(DataError) -> [(train: [Int], test: [Int])] {
        try checkFolds(folds, rows: count)
        var order = Array(0..<count)
        if shuffle {
            for position in 0..<max(count - 1, 0) {
                order.swapAt(position, position + generator.nextInt(below: count - position))
            }
        }
        var fold = [Int](repeating: 0, count: count)
        var start = 0
        for index in 0..<folds {
            let size = count / folds + (index < count % folds ? 1 : 0)
            for position in start..<(start + size) { fold[order[position]] = index }
            start += size
        }
        return partitions(fold, folds: folds)
    }

    /// Throws unless `2 <= folds <= rows`.
    static func checkFolds(_ folds: Int, rows: Int) throws(DataError) {
        if folds < 2 {
            throw DataError(file: "", message: "cross-validation needs at least 2 folds; got \(folds)")
        }
        if folds > rows {
            let available = rows == 1 ? "1 row" : "\(rows) rows"
            throw DataError(file: "", message: rows < 2
                ? "cannot make \(folds) folds from \(available); cross-validation needs at least 2 rows"
                : "cannot make \(folds) folds from \(available); use at most \(rows) folds")
        }
    }

    /// For each fold `i`: the rows whose `fold` is not `i` and those whose `fold` is `i`, ascending.
    static func partitions(_ fold: [Int], folds: Int) -> [(train: [Int], test: [Int])] {
        (0..<folds).map { index in
            var train: [Int] = []
            var test: [Int] = []
            train.reserveCapacity(fold.count)
            for (row, assigned) in fold.enumerated() {
                if assigned == index { test.append(row) } else { train.append(row) }
            }
            return (train, test)
        }
    }
}

/// Stratified k-fold cross-validation: folds that keep each class's share, with scikit-learn's
/// `StratifiedKFold` assignment.
///
/// Classes (distinct `labels`, in order of first appearance) are laid end to end and dealt to
/// the folds in turn, which fixes how many rows of each class every fold tests (fold totals
/// differ by at most one). Without a generator a class's rows, in row order, fill fold 0 first,
/// then fold 1, …, exactly as scikit-learn with `shuffle=False`; with a generator each class's
/// fold assignment is shuffled (Fisher–Yates), keeping the counts. Both halves are ascending.
/// A class with fewer rows than folds is simply absent from some test folds.
public enum StratifiedKFold {
    /// Unshuffled stratified folds (identical to scikit-learn's indices).
    /// - Throws: ``DataError`` when `folds < 2`, `folds` exceeds the rows, or every class has
    ///   fewer than `folds` rows.
    public static func indices(labels: [UInt32], folds: Int) throws(DataError) -> [(train: [Int], test: [Int])] {
        try assign(labels: labels, folds: folds) { _ in }
    }

    /// Stratified folds whose per-class assignment is shuffled with `generator`.
    /// - Throws: ``DataError`` as ``indices(labels:folds:)``.
    public static func indices(
        labels: [UInt32], folds: Int, generator: inout SeededGenerator
    ) throws(DataError) -> [(train: [Int], test: [Int])] {
        try assign(labels: labels, folds: folds) { assignment in
            for position in 0..<max(assignment.count - 1, 0) {
                assignment.swapAt(position, position + generator.nextInt(below: assignment.count - position))
            }
        }
    }

    private static func assign(
        labels: [UInt32], folds: Int, shuffle: (inout [Int]) -> Void
    ) throws(DataError) -> [(train: [Int], test: [Int])] {
        try KFold.checkFolds(folds, rows: labels.count)
        var classOf: [UInt32: Int] = [:]
        var rowsByClass: [[Int]] = []
        for (row, label) in labels.enumerated() {
            if let index = classOf[label] {
                rowsByClass[index].append(row)
            } else {
                classOf[label] = rowsByClass.count
                rowsByClass.append([row])
            }
        }
        let largest = rowsByClass.map(\.count).max() ?? 0
        if largest < folds {
            throw DataError(file: "", message: "cannot make \(folds) stratified folds: no class has \(folds) rows (the largest has \(largest))")
        }
        var fold = [Int](repeating: 0, count: labels.count)
        var start = 0
        for rows in rowsByClass {
            // Positions start..<end of the class-sorted labels; fold i takes those ≡ i (mod folds).
            let end = start + rows.count
            var assignment: [Int] = []
            assignment.reserveCapacity(rows.count)
            for index in 0..<folds {
                let taken = dealt(end, to: index, of: folds) - dealt(start, to: index, of: folds)
                assignment.append(contentsOf: repeatElement(index, count: taken))
            }
            shuffle(&assignment)
            for (row, index) in zip(rows, assignment) { fold[row] = index }
            start = end
        }
        return KFold.partitions(fold, folds: folds)
    }

    /// How many of the positions `0..<end` are `≡ fold (mod folds)`.
    private static func dealt(_ end: Int, to fold: Int, of folds: Int) -> Int {
        (end - fold + folds - 1) / folds
    }
}
