import Foundation
import Testing
@testable import MLEngine

/// Exploration statistics on the UCI Adult data from the shared datasets folder, when present.
@Suite("Adult exploration")
struct AdultExplorationTests {
    static let trainPath = ExplorationFixtures.sharedDataset("adult-train.csv")
    static let testPath = ExplorationFixtures.sharedDataset("adult-test.csv")
    static var trainAvailable: Bool { FileManager.default.fileExists(atPath: trainPath) }
    static var bothAvailable: Bool { trainAvailable && FileManager.default.fileExists(atPath: testPath) }

    static let features = [
        "age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation",
        "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country",
    ]

    // df = pd.read_csv("adult-train.csv"); numeric columns through qbins (see MutualInformationTests),
    // categorical through pd.factorize(col, use_na_sentinel=True); mutual_info_score(df["income"], codes)
    static let expected: [(String, Double)] = [
        ("relationship", 0.11462280890861033), ("marital-status", 0.1084968483909192),
        ("age", 0.06621367884718517), ("education", 0.064872227626807), ("occupation", 0.06440895776401498),
        ("education-num", 0.0633425118987973), ("hours-per-week", 0.03998135204824213),
        ("capital-gain", 0.029763402460372776), ("sex", 0.025765242400373284), ("workclass", 0.014952286926024638),
        ("capital-loss", 0.008237727808323284), ("native-country", 0.006027151805763074),
        ("race", 0.005807149876488752), ("fnlwgt", 0.0008773758439462459),
    ]

    @Test(
        "mutual information with income ranks relationship/marital-status first, fnlwgt and race low",
        .enabled(if: AdultExplorationTests.trainAvailable, "skipped: ../shared/datasets/adult/adult-train.csv is not present"))
    func mutualInformationRanking() throws {
        let frame = try CSVReader.read(path: Self.trainPath, displayName: "adult-train.csv").frame
        let scores = try MutualInformation.withTarget(frame, target: "income", features: Self.features)
        print("MI with income (nats):\n" + scores.map { "  \($0.feature)\t\($0.score)" }.joined(separator: "\n"))
        let rank = Dictionary(uniqueKeysWithValues: scores.enumerated().map { ($1.feature, $0) })
        #expect(["relationship", "marital-status"].contains(scores.first?.feature ?? ""))
        #expect(Set(scores.prefix(2).map(\.feature)) == ["relationship", "marital-status"])
        for strong in ["education", "education-num", "age", "hours-per-week"] {
            for weak in ["fnlwgt", "race"] {
                #expect((rank[strong] ?? .max) < (rank[weak] ?? .min), "\(strong) above \(weak)")
            }
        }
        #expect(scores.map(\.feature) == Self.expected.map(\.0))
        for (score, (name, value)) in zip(scores, Self.expected) {
            #expect(ExplorationFixtures.close(score.score, value), "\(name)")
        }
    }

    @Test(
        "permutation importance of a depth-8 tree on adult-test",
        .enabled(if: AdultExplorationTests.bothAvailable, "skipped: ../shared/datasets/adult/adult-{train,test}.csv are not present"))
    func permutationRanking() throws {
        let train = try CSVReader.read(path: Self.trainPath, displayName: "adult-train.csv").frame
        let test = try CSVReader.read(path: Self.testPath, displayName: "adult-test.csv").frame
        let model = try TrainedModel.train(
            kind: .decisionTree, parameters: ["max_depth": .int(8)], frame: train,
            features: Self.features, target: "income", positive: ">50K")
        let labels = try BinaryTarget.encode(try #require(test.column(named: "income")), positive: ">50K")
        var generator = SeededGenerator(seed: 42)
        let result = try PermutationImportance.compute(
            frame: test, labels: labels, features: Self.features, generator: &generator
        ) { try model.predictProbabilities($0) }
        print("permutation importance (ROC AUC drop, 5 repeats, seed 42), baseline \(result.baseline):\n"
            + result.scores.map { "  \($0.feature)\t\($0.meanDrop) ± \($0.stdDrop)" }.joined(separator: "\n"))
        #expect(result.baseline > 0.85)
        #expect(["relationship", "marital-status", "capital-gain", "education-num", "education"]
            .contains(result.scores.first?.feature ?? ""))
        #expect((result.scores.first?.meanDrop ?? 0) > 0.02)
        let fnlwgt = try #require(result.scores.first { $0.feature == "fnlwgt" })
        #expect(abs(fnlwgt.meanDrop) < 0.01)
    }
}
