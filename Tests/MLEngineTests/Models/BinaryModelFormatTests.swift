import Foundation
import Testing
@testable import MLEngine

@Suite("Binary model format")
struct BinaryModelFormatTests {
    /// One model per kind and task it learns, on the 40-row mixed fixture.
    static let cases: [(kind: ModelKind, task: String)] = ModelKind.allCases.flatMap { kind in
        kind.tasks.map { (kind, "\($0)") }
    }

    static func model(_ kind: ModelKind, task: String) throws -> TrainedModel {
        let frame = ModelFixtures.mixedFrame
        let classes = ModelFixtures.hours.map { $0 < 35 ? "short" : $0 < 43 ? "usual" : "long" }
        let multi = DataFrame(columns: frame.columns + [ModelFixtures.categorical("shift", classes)])
        let parameters: [String: ParameterValue] = switch kind {
        case .randomForest: ["n_estimators": .int(5)]
        case .gradientBoosting: ["max_iter": .int(5), "learning_rate": .double(1.0)]
        case .logisticRegression: ["C": .double(1.0)]
        default: [:]
        }
        return switch task {
        case "regression":
            try TrainedModel.train(
                kind: kind, parameters: parameters, frame: frame, features: ["age", "color"], target: "hours",
                positive: nil, task: .regression)
        case "multi-class classification":
            try TrainedModel.train(
                kind: kind, parameters: parameters, frame: multi, features: ["age", "color"], target: "shift", positive: nil)
        default:
            try TrainedModel.train(
                kind: kind, parameters: parameters, frame: frame, features: ["age", "hours", "color"], target: "label",
                positive: "yes")
        }
    }

    @Test("round-trips every kind and task exactly", arguments: cases)
    func roundTrip(kind: ModelKind, task: String) throws {
        let model = try Self.model(kind, task: task)
        let bytes = model.binaryEncoded()
        #expect(Array(bytes.prefix(4)) == Array("LBMD".utf8))
        #expect(bytes[6] == kind.binaryCode)
        #expect(model.binarySize == bytes.count)
        let decoded = try TrainedModel(binary: bytes)
        #expect(decoded == model)
        #expect(decoded.binaryEncoded() == bytes)
        #expect(try decoded.predictOutputs(ModelFixtures.mixedFrame).map(\.bitPattern)
            == model.predictOutputs(ModelFixtures.mixedFrame).map(\.bitPattern))
    }

    @Test("keeps a parameter written as 1.0 a double, unlike JSON")
    func parameterTypes() throws {
        let model = try Self.model(.logisticRegression, task: "binary classification")
        #expect(model.parameters["C"] == .double(1.0))
        #expect(try TrainedModel(binary: model.binaryEncoded()).parameters["C"] == .double(1.0))
    }

    @Test("keeps the bit patterns of -0, nan payloads and infinities in a tree")
    func bitPatterns() throws {
        let model = try Self.model(.decisionTree, task: "binary classification")
        guard case .decisionTree(var tree) = model.model else { return }
        tree.impurity[0] = -0.0
        tree.value[0] = Double(nan: 0x1234, signaling: false)
        tree.threshold[tree.nodeCount - 1] = .infinity
        let altered = TrainedModel(
            kind: model.kind, parameters: model.parameters, encoder: model.encoder, target: model.target,
            targetEncoding: model.targetEncoding, model: .decisionTree(tree), warnings: ["a warning"])
        let decoded = try TrainedModel(binary: altered.binaryEncoded())
        guard case .decisionTree(let back) = decoded.model else { return }
        #expect(back.impurity.map(\.bitPattern) == tree.impurity.map(\.bitPattern))
        #expect(back.value.map(\.bitPattern) == tree.value.map(\.bitPattern))
        #expect(back.threshold.map(\.bitPattern) == tree.threshold.map(\.bitPattern))
        #expect(decoded.warnings == ["a warning"])
    }

    @Test("refuses every truncation with a typed error", arguments: [ModelKind.randomForest, .gradientBoosting, .naiveBayes])
    func truncations(kind: ModelKind) throws {
        let bytes = try Self.model(kind, task: "binary classification").binaryEncoded()
        for length in 0..<bytes.count {
            #expect(throws: ModelError.self) { try TrainedModel(binary: Array(bytes.prefix(length))) }
        }
    }

    @Test("refuses every flipped byte (the checksum)", arguments: [ModelKind.decisionTree, .kNearestNeighbors])
    func flippedBytes(kind: ModelKind) throws {
        let bytes = try Self.model(kind, task: "binary classification").binaryEncoded()
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x5A
            #expect(throws: ModelError.self) { try TrainedModel(binary: damaged) }
        }
    }

    @Test("never traps on damage that passes the checksum", arguments: cases)
    func structuralDamage(kind: ModelKind, task: String) throws {
        let bytes = try Self.model(kind, task: task).binaryEncoded()
        var generator = SeededGenerator(seed: 7)
        for round in 0..<400 {
            var damaged = Array(bytes.dropLast(4))
            for _ in 0...(round % 3) {
                let index = 7 + generator.nextInt(below: damaged.count - 7)
                damaged[index] = UInt8(truncatingIfNeeded: generator.nextInt(below: 256))
            }
            let crc = CRC32.checksum(damaged, range: 0..<damaged.count)
            withUnsafeBytes(of: crc.littleEndian) { damaged.append(contentsOf: $0) }
            // Either a typed error or a model that predicts without trapping.
            if let decoded = try? TrainedModel(binary: damaged) {
                _ = try? decoded.predictOutputs(ModelFixtures.mixedFrame)
            }
        }
    }

    @Test("names what is wrong with the header")
    func header() throws {
        let bytes = try Self.model(.decisionTree, task: "binary classification").binaryEncoded()
        #expect(throws: ModelError("not a binary model (the file does not start with LBMD)")) {
            try TrainedModel(binary: Array("{\"kind\":1}".utf8))
        }
        var newer = bytes
        newer[4] = 9
        #expect(throws: ModelError("binary model format 9 is not supported; this engine reads format 1")) {
            try TrainedModel(binary: newer)
        }
        #expect(TrainedModel.isBinaryModel(bytes))
        #expect(!TrainedModel.isBinaryModel(Array("{}".utf8)))
    }

    @Test("a forest is several times smaller than its JSON")
    func compact() throws {
        let rows = 2_000
        var generator = SeededGenerator(seed: 3)
        let x = (0..<rows).map { _ in Double(generator.nextInt(below: 90)) + 0.25 * Double(generator.nextInt(below: 4)) }
        let z = (0..<rows).map { _ in Double(generator.nextInt(below: 1000)) / 4 }
        let labels = (0..<rows).map { (x[$0] + z[$0] / 10 + Double(generator.nextInt(below: 40))) > 70 ? "yes" : "no" }
        let frame = DataFrame(columns: [
            ModelFixtures.numeric("x", x), ModelFixtures.numeric("z", z), ModelFixtures.categorical("label", labels),
        ])
        let model = try TrainedModel.train(
            kind: .randomForest, parameters: ["n_estimators": .int(10)], frame: frame, features: ["x", "z"], target: "label",
            positive: "yes")
        let json = try JSONEncoder().encode(model)
        // On Adult, 100 trees: 24.4 MB of JSON, 4.2 MB binary (`LabbookBench formats`).
        #expect(model.binarySize * 4 < json.count, "binary \(model.binarySize) B, JSON \(json.count) B")
    }
}
