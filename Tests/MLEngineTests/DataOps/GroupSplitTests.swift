import Testing
@testable import MLEngine

@Suite("GroupSplit")
struct GroupSplitTests {
    @Test("no group is on both sides", arguments: [0.1, 0.25, 0.5, 0.9] as [Double])
    func neverSplitsAGroup(fraction: Double) {
        let groups = (0..<1000).map { UInt32(($0 * 7919) % 37) }
        var generator = SeededGenerator(seed: 5)
        let (train, test) = GroupSplit.split(groups: groups, testFraction: fraction, generator: &generator)
        #expect(Set(train.map { groups[$0] }).isDisjoint(with: test.map { groups[$0] }))
        #expect(Set(train + test) == Set(0..<1000) && train.count + test.count == 1000)
        #expect(train == train.sorted() && test == test.sorted())
        // The fraction is of groups: round(fraction × 37).
        #expect(Set(test.map { groups[$0] }).count == Int((fraction * 37).rounded(.toNearestOrAwayFromZero)))
    }

    @Test("deterministic for a generator state")
    func deterministic() {
        let groups = (0..<300).map { UInt32($0 / 10) }
        var a = SeededGenerator(seed: 1)
        var b = SeededGenerator(seed: 1)
        var c = SeededGenerator(seed: 2)
        let first = GroupSplit.split(groups: groups, testFraction: 0.3, generator: &a)
        #expect(first.test == GroupSplit.split(groups: groups, testFraction: 0.3, generator: &b).test)
        #expect(first.test != GroupSplit.split(groups: groups, testFraction: 0.3, generator: &c).test)
    }

    @Test("keeps at least one group on each side unless the fraction is 0 or 1")
    func extremes() {
        var generator = SeededGenerator(seed: 3)
        let groups: [UInt32] = [4, 4, 9, 9, 9]
        #expect(GroupSplit.split(groups: groups, testFraction: 0.01, generator: &generator).test.count >= 2)
        #expect(GroupSplit.split(groups: groups, testFraction: 0.99, generator: &generator).train.count >= 2)
        #expect(GroupSplit.split(groups: groups, testFraction: 0, generator: &generator).test.isEmpty)
        #expect(GroupSplit.split(groups: groups, testFraction: .nan, generator: &generator).test.isEmpty)
        #expect(GroupSplit.split(groups: groups, testFraction: 1, generator: &generator).train.isEmpty)
        #expect(GroupSplit.split(groups: [], testFraction: 0.5, generator: &generator) == ([], []))
        #expect(GroupSplit.split(groups: [1, 1], testFraction: 0.5, generator: &generator).test == [0, 1])
    }

    @Test("columns group by category or by number; missing values form one group")
    func columns() {
        let categorical = ModelFixtures.categorical("household", ["a", "b", nil, "a", "c", nil, "b", "c"])
        let numeric = ModelFixtures.numeric("patient", [1.5, 2, .nan, 1.5, 3, .nan, 2, 3])
        for column in [categorical, numeric] {
            var generator = SeededGenerator(seed: 8)
            let (train, test) = GroupSplit.split(groups: column, testFraction: 0.5, generator: &generator)
            let pairs = [[0, 3], [1, 6], [2, 5], [4, 7]]
            #expect(pairs.allSatisfy { pair in Set(pair).isSubset(of: train) || Set(pair).isSubset(of: test) })
            #expect(test.count == 4 && train.count == 4)
        }
    }
}
