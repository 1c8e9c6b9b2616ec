import Testing
@testable import MLEngine

@Suite("Split")
struct SplitTests {
    @Test func stratifiedKeepsClassProportions() {
        let labels = [UInt32](repeating: 0, count: 760) + [UInt32](repeating: 1, count: 240)
        var generator = SeededGenerator(seed: 42)
        let (train, test) = Split.stratified(labels: labels, testFraction: 0.2, generator: &generator)
        #expect(test.count == 200)
        #expect(train.count == 800)
        #expect(test.filter { labels[$0] == 1 }.count == 48)
        #expect(test.filter { labels[$0] == 0 }.count == 152)
        #expect(test == test.sorted())
        #expect(train == train.sorted())
        #expect(Set(train).isDisjoint(with: test))
        #expect(Set(train + test) == Set(0..<1000))
    }

    @Test func roundsPerClass() {
        // 5 × 0.3 = 1.5 → 2 (half away from zero); 3 × 0.3 = 0.9 → 1.
        let labels: [UInt32] = [0, 0, 0, 0, 0, 2, 2, 2]
        var generator = SeededGenerator(seed: 1)
        let (_, test) = Split.stratified(labels: labels, testFraction: 0.3, generator: &generator)
        #expect(test.filter { labels[$0] == 0 }.count == 2)
        #expect(test.filter { labels[$0] == 2 }.count == 1)
    }

    @Test func deterministicForAGeneratorState() {
        let labels = (0..<500).map { UInt32($0 % 3) }
        var first = SeededGenerator(seed: 9)
        var second = SeededGenerator(seed: 9)
        var third = SeededGenerator(seed: 10)
        let a = Split.stratified(labels: labels, testFraction: 0.25, generator: &first)
        let b = Split.stratified(labels: labels, testFraction: 0.25, generator: &second)
        let c = Split.stratified(labels: labels, testFraction: 0.25, generator: &third)
        #expect(a.test == b.test)
        #expect(a.train == b.train)
        #expect(a.test != c.test)
    }

    @Test func randomSplitSizesAndClamping() {
        var generator = SeededGenerator(seed: 3)
        let split = Split.random(count: 10, testFraction: 0.25, generator: &generator)
        #expect(split.test.count == 3)
        #expect(split.train.count == 7)
        #expect(Split.random(count: 4, testFraction: 2, generator: &generator).test == [0, 1, 2, 3])
        #expect(Split.random(count: 4, testFraction: -1, generator: &generator).test.isEmpty)
        #expect(Split.random(count: 4, testFraction: .nan, generator: &generator).train == [0, 1, 2, 3])
        #expect(Split.random(count: 0, testFraction: 0.5, generator: &generator).test.isEmpty)
    }
}
