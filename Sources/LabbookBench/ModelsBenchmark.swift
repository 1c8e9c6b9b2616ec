import Foundation
import MLEngine

/// `LabbookBench models`: every ``ModelBenchEntry`` on Adult (train on adult-train.csv,
/// score on adult-test.csv), timed as `../shared/bench/bench_adult_models.py` times
/// scikit-learn and LightGBM.
enum ModelsBenchmark {
    struct Result: Codable {
        var name: String
        var accuracy: Double
        var rocAUC: Double
        var logLoss: Double
        var fitSeconds: [Double]
        var fitMedianSeconds: Double
        var batchPredictSeconds: Double
        var batchRows: Int
        var singleRowP50Seconds: Double
        var singleRowP99Seconds: Double
        var info: String
    }

    struct Data {
        var train: FeatureMatrix
        var test: FeatureMatrix
        var categorical: [Int: Int]
    }

    static func run(dataDirectory: String, only: String?, fitRepeats: Int) throws -> [Result] {
        let train = try CSVReader.read(path: dataDirectory + "/adult-train.csv").frame
        let test = try CSVReader.read(path: dataDirectory + "/adult-test.csv").frame
        guard let trainLabel = train.column(named: "income"), let testLabel = test.column(named: "income") else {
            throw ModelError("the Adult files have no `income` column")
        }
        let yTrain = try BinaryTarget.encode(trainLabel, positive: ">50K")
        let yTest = try BinaryTarget.encode(testLabel, positive: ">50K")
        let features = train.columnNames.filter { $0 != "income" }
        var data: [ModelBenchEntry.Encoding: Data] = [:]
        for encoding in [ModelBenchEntry.Encoding.oneHotScaled, .ordinal] {
            let spec = encoding == .oneHotScaled
                ? PreprocessingSpec(numeric: NumericPreprocessing(scaling: .standard))
                : PreprocessingSpec(numeric: NumericPreprocessing(scaling: .unscaled), categorical: CategoricalPreprocessing(encoding: .ordinal))
            let encoder = try FeatureEncoder.fit(frame: train, features: features, target: "income", preprocessing: spec)
            var categorical: [Int: Int] = [:]
            if encoding == .ordinal {
                for (index, feature) in encoder.schema.features.enumerated() where feature.type == .categorical {
                    categorical[index] = feature.categories?.count ?? 0
                }
            }
            data[encoding] = Data(train: try encoder.transform(train), test: try encoder.transform(test), categorical: categorical)
        }
        var results: [Result] = []
        for entry in ModelBenchEntry.all {
            if let only, !entry.name.lowercased().contains(only.lowercased()) { continue }
            guard let inputs = data[entry.encoding] else { continue }
            results.append(try measure(entry, inputs, yTrain: yTrain, yTest: yTest, fitRepeats: fitRepeats))
            if let last = results.last { print(line(last)) }
        }
        return results
    }

    static func measure(_ entry: ModelBenchEntry, _ data: Data, yTrain: [Double], yTest: [Double], fitRepeats: Int) throws -> Result {
        var fitSeconds: [Double] = []
        var fitted: ModelBenchEntry.Fitted?
        for _ in 0..<fitRepeats {
            fitted = nil
            let start = ProcessUsage.now()
            fitted = try entry.fit(data.train, yTrain, data.categorical)
            fitSeconds.append(ProcessUsage.now() - start)
        }
        guard let model = fitted else { throw ModelError("no fit ran") }
        _ = try model.predict(data.test)
        var batch: [Double] = []
        var probabilities: [Double] = []
        for _ in 0..<10 {
            let start = ProcessUsage.now()
            probabilities = try model.predict(data.test)
            batch.append(ProcessUsage.now() - start)
        }
        let metrics = ClassificationMetrics.compute(labels: yTest, probabilities: probabilities)
        let columns = data.test.columns
        let singles = (0..<min(1000, data.test.rows)).map { row in
            FeatureMatrix(rows: 1, columns: columns, values: Array(data.test.values[(row * columns)..<((row + 1) * columns)]),
                          names: data.test.names)
        }
        for row in singles.prefix(20) { _ = try model.predict(row) }
        var latencies: [Double] = []
        latencies.reserveCapacity(singles.count)
        for row in singles {
            let start = ProcessUsage.now()
            let output = try model.predict(row)
            latencies.append(ProcessUsage.now() - start)
            if output.isEmpty { throw ModelError("empty prediction") }
        }
        latencies.sort()
        return Result(
            name: entry.name, accuracy: metrics.accuracy, rocAUC: metrics.rocAUC, logLoss: metrics.logLoss,
            fitSeconds: fitSeconds, fitMedianSeconds: CSVBenchResult.median(fitSeconds),
            batchPredictSeconds: CSVBenchResult.median(batch), batchRows: data.test.rows,
            singleRowP50Seconds: latencies[latencies.count / 2],
            singleRowP99Seconds: latencies[min(latencies.count - 1, latencies.count * 99 / 100)], info: model.info)
    }

    static func line(_ result: Result) -> String {
        String(format: "%@: acc=%.4f auc=%.4f ll=%.4f fit=%.3fs batch=%.1fms single p50=%.2fus p99=%.2fus %@",
               result.name, result.accuracy, result.rocAUC, result.logLoss, result.fitMedianSeconds,
               result.batchPredictSeconds * 1e3, result.singleRowP50Seconds * 1e6, result.singleRowP99Seconds * 1e6, result.info)
    }
}
