import Foundation
import MLEngine

/// `LabbookBench serving --data DIR`: the single-row serving path on Adult with the default
/// gradient boosting model: bare predict on an encoded vector, a parsed row → probability
/// (validate + encode + predict), and a JSON body → probability (parse as well).
enum ServingBenchmark {
    struct Timing {
        var name: String
        var p50: Double
        var p99: Double
        var mean: Double
    }

    static func run(dataDirectory: String, rows: Int, repeats: Int) throws -> [Timing] {
        let train = try CSVReader.read(path: dataDirectory + "/adult-train.csv").frame
        let test = try CSVReader.read(path: dataDirectory + "/adult-test.csv").frame
        let features = train.columnNames.filter { $0 != "income" }
        let model = try TrainedModel.train(
            kind: .gradientBoosting, parameters: [:], frame: train, features: features, target: "income", positive: ">50K")
        let scorer = RowScorer(
            model: model, profiles: FeatureProfile.profiles(of: train, schema: model.encoder.schema),
            options: RowEncoderOptions(unseenCategory: .treatAsMissing, ignoredFields: ["income"]))
        guard case .gradientBoosting(let boosting) = model.model else { throw ModelError("not a boosting model") }
        let shape = boosting.shape
        print("model: \(shape.trees) trees, \(shape.splits) splits (\(shape.categoricalSplits) categorical), \(shape.leaves) leaves, depth ≤ \(shape.maxDepth), \(boosting.inputCount) inputs")
        let matrix = try model.encoder.transform(test)
        let count = min(rows, test.rowCount)
        let width = matrix.columns
        var objects: [ServingObject] = []
        var bodies: [[UInt8]] = []
        for row in 0..<count {
            var object = ServingObject()
            for column in test.columns where column.name != "income" {
                object.keys.append(column.name)
                switch column {
                case .numeric(let numeric): object.values.append(numeric.values[row].isNaN ? .null : .number(numeric.values[row]))
                case .categorical(let categorical): object.values.append(categorical.value(at: row).map(ServingValue.string) ?? .null)
                }
            }
            objects.append(object)
            var body: [UInt8] = Array(#"{"dataframe_records":["#.utf8)
            ServingJSONWriter.write(.object(object), into: &body)
            body.append(contentsOf: "]}".utf8)
            bodies.append(body)
        }
        var output = [Double](repeating: 0, count: 1)
        var vector = [Double](repeating: 0, count: width)
        let bare = measure("GBDT predict, encoded vector (bare)", count: count, repeats: repeats) { row in
            matrix.values.withUnsafeBufferPointer { values in
                output.withUnsafeMutableBufferPointer { out in
                    if let base = values.baseAddress, let target = out.baseAddress { boosting.predictRow(base + row * width, into: target) }
                }
            }
            return output[0]
        }
        let encoded = measure("parsed row → probability (validate, encode, predict)", count: count, repeats: repeats) { row in
            vector.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for index in 0..<width { base[index] = 0 }
                try? scorer.encoder.encode(objects[row], row: 0, into: base)
            }
            vector.withUnsafeBufferPointer { values in
                output.withUnsafeMutableBufferPointer { out in
                    if let base = values.baseAddress, let target = out.baseAddress { boosting.predictRow(base, into: target) }
                }
            }
            return output[0]
        }
        let json = measure("JSON body → probability (parse, validate, encode, predict)", count: count, repeats: repeats) { row in
            guard let value = try? ServingJSON.parse(bodies[row]),
                  let input = try? ScoringInput(body: value, featureNames: scorer.encoder.featureNames),
                  let scored = try? scorer.score(input) else { return .nan }
            return scored.outputs[0]
        }
        return [bare, encoded, json]
    }

    static func measure(_ name: String, count: Int, repeats: Int, _ body: (Int) -> Double) -> Timing {
        var sink = 0.0
        for row in 0..<min(count, 200) { sink += body(row) }
        var latencies: [Double] = []
        latencies.reserveCapacity(count * repeats)
        for _ in 0..<repeats {
            for row in 0..<count {
                let start = ProcessUsage.now()
                sink += body(row)
                latencies.append(ProcessUsage.now() - start)
            }
        }
        if sink.isNaN { print("(some rows gave no prediction)") }
        latencies.sort()
        let mean = latencies.reduce(0, +) / Double(max(latencies.count, 1))
        return Timing(
            name: name, p50: latencies[latencies.count / 2], p99: latencies[min(latencies.count - 1, latencies.count * 99 / 100)], mean: mean)
    }

    static func report(_ timings: [Timing]) -> String {
        timings.map { String(format: "%-62@ p50 %6.2f µs   p99 %6.2f µs   mean %6.2f µs", $0.name, $0.p50 * 1e6, $0.p99 * 1e6, $0.mean * 1e6) }
            .joined(separator: "\n")
    }
}
