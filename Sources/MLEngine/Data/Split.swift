/// Train/test splits of row indices, reproducible from a ``SeededGenerator``.
///
/// Both splits return indices sorted ascending. `testFraction` is clamped to
/// `0...1` (`nan` counts as 0). Sizes round half away from zero.
public enum Split {
    /// A split that keeps each class's share: every class (distinct value of
    /// `labels`, missing codes included as their own class) puts
    /// `round(testFraction × classCount)` of its rows in the test set.
    ///
    /// Classes are visited in ascending label order; within a class the test rows are
    /// the first `k` of a partial Fisher–Yates shuffle of its rows (ascending)
    /// driven by ``SeededGenerator/nextInt(below:)``, so the same generator state
    /// always gives the same split.
    public static func stratified(
        labels: [UInt32], testFraction: Double, generator: inout SeededGenerator
    ) -> (train: [Int], test: [Int]) {
        var rowsByClass = [UInt32: [Int]]()
        for (row, label) in labels.enumerated() {
            rowsByClass[label, default: []].append(row)
        }
        var isTest = [Bool](repeating: false, count: labels.count)
        for label in rowsByClass.keys.sorted() {
            guard let rows = rowsByClass[label] else { continue }
            for row in sample(rows, count: testSize(rows.count, testFraction), generator: &generator) {
                isTest[row] = true
            }
        }
        return partition(isTest)
    }

    /// A split of `count` rows that ignores classes: `round(testFraction × count)`
    /// rows chosen by a partial Fisher–Yates shuffle.
    public static func random(
        count: Int, testFraction: Double, generator: inout SeededGenerator
    ) -> (train: [Int], test: [Int]) {
        let rows = Array(0..<max(count, 0))
        var isTest = [Bool](repeating: false, count: rows.count)
        for row in sample(rows, count: testSize(rows.count, testFraction), generator: &generator) {
            isTest[row] = true
        }
        return partition(isTest)
    }

    /// The number of test rows for a group of `count` rows.
    static func testSize(_ count: Int, _ fraction: Double) -> Int {
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        return min(count, Int((clamped * Double(count)).rounded(.toNearestOrAwayFromZero)))
    }

    /// `count` elements of `rows`: position `i` is swapped with a uniform position in
    /// `i..<rows.count`, for `i` in `0..<count`.
    private static func sample(_ rows: [Int], count: Int, generator: inout SeededGenerator) -> ArraySlice<Int> {
        var shuffled = rows
        for position in 0..<count {
            let other = position + generator.nextInt(below: shuffled.count - position)
            shuffled.swapAt(position, other)
        }
        return shuffled.prefix(count)
    }

    private static func partition(_ isTest: [Bool]) -> (train: [Int], test: [Int]) {
        var train = [Int]()
        var test = [Int]()
        for (row, flag) in isTest.enumerated() {
            if flag { test.append(row) } else { train.append(row) }
        }
        return (train, test)
    }
}
