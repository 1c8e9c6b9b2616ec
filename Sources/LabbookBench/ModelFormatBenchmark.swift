import Foundation
import MLEngine

/// `LabbookBench formats [--data DIR] [--only KIND] [--trees N] [--repeats N]`: trains
/// models on Adult (`DIR/adult-train.csv`, default `../shared/datasets/adult`) through
/// ``TrainedModel/train(kind:parameters:frame:features:target:positive:task:preprocessing:seed:)``
/// and compares the JSON export with the binary model format: size, encode and decode time
/// (the fastest of N repeats, default 3), and the time of ``TrainedModel/binarySize``.
enum ModelFormatBenchmark {
    static let usage = "usage: LabbookBench formats [--data DIR] [--only KIND] [--trees N] [--repeats N]"

    static func run(_ arguments: [String]) throws {
        var data = "../shared/datasets/adult"
        var only: String?
        var trees = 100
        var repeats = 3
        var index = 1
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--data": data = value
            case "--only": only = value
            case "--trees": trees = Int(value) ?? trees
            case "--repeats": repeats = max(Int(value) ?? repeats, 1)
            default: throw ModelError(usage)
            }
            index += 2
        }
        let frame = try CSVReader.read(path: data + "/adult-train.csv").frame
        let features = frame.columnNames.filter { $0 != "income" }
        let kinds: [(ModelKind, [String: ParameterValue])] = [
            (.randomForest, ["n_estimators": .int(trees)]), (.gradientBoosting, [:]), (.decisionTree, [:]),
            (.logisticRegression, [:]), (.naiveBayes, [:]),
        ]
        print("model                 JSON bytes   binary bytes  ratio  JSON enc ms  bin enc ms  JSON dec ms  bin dec ms  binarySize ms")
        for (kind, parameters) in kinds where only.map({ kind.rawValue.contains($0) }) ?? true {
            let model = try TrainedModel.train(
                kind: kind, parameters: parameters, frame: frame, features: features, target: "income", positive: ">50K", seed: 1)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
            var json = Data()
            var binary: [UInt8] = []
            var size = 0
            let jsonEncode = try fastest(repeats) { json = try encoder.encode(model) }
            let binaryEncode = try fastest(repeats) { binary = model.binaryEncoded() }
            let jsonDecode = try fastest(repeats) { _ = try decoder.decode(TrainedModel.self, from: json) }
            let binaryDecode = try fastest(repeats) { _ = try TrainedModel(binary: binary) }
            let sizing = try fastest(repeats) { size = model.binarySize }
            guard try TrainedModel(binary: binary) == model, size == binary.count else {
                throw ModelError("\(kind.rawValue): the binary round trip is not exact")
            }
            let name = kind == .randomForest ? "random_forest (\(trees))" : kind.rawValue
            print(
                name.padding(toLength: 20, withPad: " ", startingAt: 0),
                String(format: "%12d %14d %6.1fx %12.1f %11.1f %12.1f %11.1f %14.2f", json.count, binary.count,
                       Double(json.count) / Double(binary.count), jsonEncode * 1e3, binaryEncode * 1e3, jsonDecode * 1e3,
                       binaryDecode * 1e3, sizing * 1e3))
        }
    }

    /// The shortest wall time of `repeats` runs of `body`, in seconds.
    static func fastest(_ repeats: Int, _ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }
}
