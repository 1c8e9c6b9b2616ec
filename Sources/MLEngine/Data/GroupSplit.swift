/// A train/test split that keeps every group whole: all rows of a group (a patient, a
/// household, a session) land on the same side, so a model is tested on unseen groups.
///
/// The distinct groups are sorted ascending and the test groups are the first `k` of a partial
/// Fisher–Yates shuffle driven by ``SeededGenerator/nextInt(below:)``, where `k` is
/// `testFraction × groups` rounded half away from zero (`testFraction` clamped to `0...1`,
/// `nan` counting as 0) — but at least one group when `testFraction > 0` and at least one
/// training group when `testFraction < 1` and there are two groups or more. The fraction is of
/// groups, not rows (as scikit-learn's `GroupShuffleSplit`). Both halves are sorted ascending.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// let (train, test) = GroupSplit.split(groups: patientIDs, testFraction: 0.2, generator: &generator)
/// ```
public enum GroupSplit {
    /// A split of rows labelled by `groups` (one group id per row).
    public static func split(
        groups: [UInt32], testFraction: Double, generator: inout SeededGenerator
    ) -> (train: [Int], test: [Int]) {
        var distinct = Array(Set(groups)).sorted()
        let fraction = testFraction.isNaN ? 0 : min(max(testFraction, 0), 1)
        var testCount = Split.testSize(distinct.count, fraction)
        if fraction > 0 { testCount = max(testCount, 1) }
        if fraction < 1, distinct.count >= 2 { testCount = min(testCount, distinct.count - 1) }
        testCount = min(testCount, distinct.count)
        for position in 0..<testCount {
            distinct.swapAt(position, position + generator.nextInt(below: distinct.count - position))
        }
        let testGroups = Set(distinct.prefix(testCount))
        var train: [Int] = []
        var test: [Int] = []
        for (row, group) in groups.enumerated() {
            if testGroups.contains(group) { test.append(row) } else { train.append(row) }
        }
        return (train, test)
    }

    /// A split of rows grouped by the values of `groups`: a categorical column's categories
    /// (missing values form one group) or a numeric column's distinct numbers (`nan` forms one
    /// group; groups are ordered by value).
    public static func split(
        groups: Column, testFraction: Double, generator: inout SeededGenerator
    ) -> (train: [Int], test: [Int]) {
        switch groups {
        case .categorical(let column):
            return split(groups: column.codes, testFraction: testFraction, generator: &generator)
        case .numeric(let column):
            let values = column.values.filter { !$0.isNaN }
            let sorted = Array(Set(values.map { $0 == 0 ? 0 : $0 })).sorted()
            var code: [Double: UInt32] = [:]
            for (index, value) in sorted.enumerated() { code[value] = UInt32(truncatingIfNeeded: index) }
            let codes = column.values.map { $0.isNaN ? CategoricalColumn.missingCode : code[$0 == 0 ? 0 : $0] ?? 0 }
            return split(groups: codes, testFraction: testFraction, generator: &generator)
        }
    }
}
