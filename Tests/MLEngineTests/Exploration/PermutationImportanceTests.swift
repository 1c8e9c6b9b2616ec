import Testing
@testable import MLEngine

@Suite("Permutation importance")
struct PermutationImportanceTests {
    typealias F = ExplorationFixtures

    /// `rows` rows: `signal` decides the label (10% of labels flipped), `noise` and
    /// `color` are unrelated to it.
    static func frame(rows: Int, seed: UInt64) -> (frame: DataFrame, labels: [Double]) {
        var generator = SeededGenerator(seed: seed)
        var signal: [Double] = []
        var noise: [Double] = []
        var color: [String?] = []
        var labels: [Double] = []
        for _ in 0..<rows {
            let value = generator.nextDouble()
            signal.append(value)
            noise.append(generator.nextDouble())
            color.append(["red", "green", "blue"][generator.nextInt(below: 3)])
            let flip = generator.nextDouble() < 0.1
            labels.append((value > 0.5) != flip ? 1 : 0)
        }
        let frame = DataFrame(columns: [
            F.numeric("signal", signal), F.numeric("noise", noise), F.categorical("color", color),
            F.categorical("label", labels.map { $0 == 1 ? "yes" : "no" }),
        ])
        return (frame, labels)
    }

    /// A "model" that reads `signal` as the probability and ignores everything else.
    static func signalModel(_ frame: DataFrame) throws -> [Double] {
        guard case .numeric(let column)? = frame.column(named: "signal") else { throw DataError(file: "", message: "no signal") }
        return column.values
    }

    @Test func decisiveFeatureScoresHighUnusedScoresZero() throws {
        let (frame, labels) = Self.frame(rows: 400, seed: 3)
        var generator = SeededGenerator(seed: 42)
        let result = try PermutationImportance.compute(
            frame: frame, labels: labels, features: ["noise", "color", "signal"], generator: &generator,
            predict: Self.signalModel)
        #expect(result.baseline == ClassificationMetrics.rocAUC(labels: labels, probabilities: try Self.signalModel(frame)))
        #expect(result.scores.map(\.feature) == ["signal", "noise", "color"])   // tie at 0 keeps the given order
        #expect(result.scores[0].meanDrop > 0.3)
        #expect(result.scores[0].drops.count == 5)
        #expect(result.scores[1].meanDrop == 0 && result.scores[1].stdDrop == 0)
        #expect(result.scores[2].meanDrop == 0)
        #expect(generator != SeededGenerator(seed: 42))
    }

    @Test func deterministicForASeed() throws {
        let (frame, labels) = Self.frame(rows: 300, seed: 5)
        func run(_ seed: UInt64) throws -> PermutationImportance {
            var generator = SeededGenerator(seed: seed)
            return try PermutationImportance.compute(
                frame: frame, labels: labels, features: ["signal", "noise", "color"], repeats: 3,
                generator: &generator, predict: Self.signalModel)
        }
        #expect(try run(42) == run(42))
        #expect(try run(42).scores[0].drops != run(43).scores[0].drops)
    }

    @Test func meanAndPopulationStd() {
        // np.mean([0.1, 0.3, 0.2]), np.std([0.1, 0.3, 0.2]) → 0.2, 0.08164965809277258
        let score = PermutationScore(feature: "x", drops: [0.1, 0.3, 0.2])
        #expect(F.close(score.meanDrop, 0.2, tolerance: 1e-15))
        #expect(F.close(score.stdDrop, 0.08164965809277258, tolerance: 1e-12))
    }

    @Test func shuffleIsAPermutationAndStable() {
        var generator = SeededGenerator(seed: 1)
        var values = Array(0..<10)
        PermutationImportance.shuffle(&values, using: &generator)
        #expect(values.sorted() == Array(0..<10))
        #expect(values != Array(0..<10))
        var again = SeededGenerator(seed: 1)
        var same = Array(0..<10)
        PermutationImportance.shuffle(&same, using: &again)
        #expect(same == values)
    }

    @Test func trainedTreeOnHeldOutRows() throws {
        let (train, _) = Self.frame(rows: 600, seed: 8)
        let (test, testLabels) = Self.frame(rows: 400, seed: 9)
        let model = try TrainedModel.train(
            kind: .decisionTree, parameters: ["max_depth": .int(4)], frame: train,
            features: ["signal", "noise", "color"], target: "label", positive: "yes")
        var generator = SeededGenerator(seed: 42)
        let result = try PermutationImportance.compute(
            frame: test, labels: testLabels, features: model.features, generator: &generator
        ) { try model.predictProbabilities($0) }
        #expect(result.scores.first?.feature == "signal")
        #expect((result.scores.first?.meanDrop ?? 0) > 0.3)
        for score in result.scores.dropFirst() { #expect(abs(score.meanDrop) < 0.05, "\(score.feature)") }
    }

    @Test func badInputsThrow() {
        let (frame, labels) = Self.frame(rows: 20, seed: 1)
        var generator = SeededGenerator(seed: 1)
        #expect(throws: DataError.self) {
            try PermutationImportance.compute(frame: frame, labels: labels, features: ["nope"], generator: &generator,
                                              predict: Self.signalModel)
        }
        #expect(throws: DataError.self) {
            try PermutationImportance.compute(frame: frame, labels: [1, 0], features: ["noise"], generator: &generator,
                                              predict: Self.signalModel)
        }
        #expect(throws: DataError.self) {
            try PermutationImportance.compute(frame: frame, labels: labels, features: ["noise"], repeats: 0,
                                              generator: &generator, predict: Self.signalModel)
        }
        #expect(throws: DataError.self) {
            try PermutationImportance.compute(frame: frame, labels: labels, features: ["noise"], generator: &generator) { _ in [0.5] }
        }
    }
}
