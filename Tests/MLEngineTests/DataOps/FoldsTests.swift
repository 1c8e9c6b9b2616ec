import Testing
@testable import MLEngine

/// Fold indices against scikit-learn 1.9.1 (`.venv-bench/bin/python`):
///
/// ```python
/// from sklearn.model_selection import KFold, StratifiedKFold
/// import numpy as np
/// for n, k in [(13, 5), (10, 3), (7, 7)]:
///     print([t.tolist() for _, t in KFold(n_splits=k).split(np.zeros(n))])
/// labels = np.array([2,0,0,1,0,2,0,0,1,0,0,2,1,0,0,0,2,0])
/// print([t.tolist() for _, t in StratifiedKFold(n_splits=3).split(np.zeros(len(labels)), labels)])
/// labels2 = np.array([1,1,0,0,0,0,0,1,0,0,3,0,0])
/// print([t.tolist() for _, t in StratifiedKFold(n_splits=4).split(np.zeros(len(labels2)), labels2)])
/// ```
@Suite("KFold and StratifiedKFold")
struct FoldsTests {
    static let labels: [UInt32] = [2, 0, 0, 1, 0, 2, 0, 0, 1, 0, 0, 2, 1, 0, 0, 0, 2, 0]
    static let unevenLabels: [UInt32] = [1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 3, 0, 0]

    /// Every row tested exactly once, train the complement, both ascending.
    private func isPartition(_ folds: [(train: [Int], test: [Int])], count: Int) -> Bool {
        let tested = folds.flatMap(\.test)
        return tested.sorted() == Array(0..<count) && folds.allSatisfy { fold in
            fold.test == fold.test.sorted() && fold.train == fold.train.sorted()
                && Set(fold.train).isDisjoint(with: fold.test) && fold.train.count + fold.test.count == count
        }
    }

    @Test("unshuffled folds are scikit-learn's blocks, the first count % folds one larger", arguments: [
        (13, 5, [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10], [11, 12]]),
        (10, 3, [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]),
        (7, 7, [[0], [1], [2], [3], [4], [5], [6]]),
    ])
    func kFold(count: Int, folds: Int, tests: [[Int]]) throws {
        let result = try KFold.indices(count: count, folds: folds)
        #expect(result.map(\.test) == tests)
        #expect(isPartition(result, count: count))
    }

    @Test("shuffled folds keep the sizes, differ from the blocks and repeat for a seed")
    func shuffledKFold() throws {
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        let a = try KFold.indices(count: 103, folds: 10, shuffle: true, generator: &first)
        let b = try KFold.indices(count: 103, folds: 10, shuffle: true, generator: &second)
        #expect(a.map(\.test) == b.map(\.test))
        #expect(a.map(\.test.count) == [11, 11, 11, 10, 10, 10, 10, 10, 10, 10])
        #expect(isPartition(a, count: 103))
        #expect(a.map(\.test) != (try KFold.indices(count: 103, folds: 10)).map(\.test))
        var unused = SeededGenerator(seed: 7)
        #expect(try KFold.indices(count: 9, folds: 3, shuffle: false, generator: &unused).map(\.test) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]])
        #expect(unused == SeededGenerator(seed: 7))
    }

    @Test("unshuffled stratified folds are scikit-learn's", arguments: [
        (labels, 3, [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11], [12, 13, 14, 15, 16, 17]]),
        (unevenLabels, 4, [[0, 2, 3, 10], [1, 4, 5], [6, 7, 8], [9, 11, 12]]),
    ])
    func stratified(labels: [UInt32], folds: Int, tests: [[Int]]) throws {
        let result = try StratifiedKFold.indices(labels: labels, folds: folds)
        #expect(result.map(\.test) == tests)
        #expect(isPartition(result, count: labels.count))
    }

    @Test("shuffled stratified folds keep each fold's class counts")
    func shuffledStratified() throws {
        let labels = (0..<500).map { UInt32($0 % 7 == 0 ? 2 : ($0 % 3 == 0 ? 1 : 0)) }
        var generator = SeededGenerator(seed: 11)
        let shuffled = try StratifiedKFold.indices(labels: labels, folds: 5, generator: &generator)
        let plain = try StratifiedKFold.indices(labels: labels, folds: 5)
        #expect(isPartition(shuffled, count: labels.count))
        func counts(_ folds: [(train: [Int], test: [Int])]) -> [[Int]] {
            folds.map { fold in (0..<3).map { label in fold.test.filter { labels[$0] == UInt32(label) }.count } }
        }
        #expect(counts(shuffled) == counts(plain))
        #expect(shuffled.map(\.test) != plain.map(\.test))
        let sizes = shuffled.map(\.test.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        var again = SeededGenerator(seed: 11)
        #expect(try StratifiedKFold.indices(labels: labels, folds: 5, generator: &again).map(\.test) == shuffled.map(\.test))
    }

    @Test("impossible fold counts are explained")
    func errors() {
        #expect(throws: DataError(file: "", message: "cross-validation needs at least 2 folds; got 1")) {
            try KFold.indices(count: 10, folds: 1)
        }
        #expect(throws: DataError(file: "", message: "cannot make 5 folds from 3 rows; use at most 3 folds")) {
            try KFold.indices(count: 3, folds: 5)
        }
        #expect(throws: DataError(file: "", message: "cannot make 2 folds from 1 row; cross-validation needs at least 2 rows")) {
            try StratifiedKFold.indices(labels: [0], folds: 2)
        }
        #expect(throws: DataError(file: "", message: "cannot make 4 stratified folds: no class has 4 rows (the largest has 3)")) {
            try StratifiedKFold.indices(labels: [0, 0, 0, 1, 1, 2], folds: 4)
        }
    }
}
