import Foundation
import MLEngine

/// `LabbookBench scaling`: gradient boosting fit time on `make_classification` data
/// (20 features, seed 0) written to `DIR/classification_N.csv` by `scripts/bench-models.sh`.
enum ScalingBenchmark {
    struct Result: Codable {
        var rows: Int
        var model: String
        var fitSeconds: [Double]
        var fitMedianSeconds: Double
        var iterations: [Int]
    }

    static func run(dataDirectory: String, sizes: [Int], repeats: Int) throws -> [Result] {
        var results: [Result] = []
        for size in sizes {
            let frame = try CSVReader.read(path: "\(dataDirectory)/classification_\(size).csv").frame
            guard case .numeric(let label)? = frame.column(named: "y") else { throw ModelError("no numeric `y` column") }
            let features = frame.columnNames.filter { $0 != "y" }
            let encoder = try FeatureEncoder.fit(frame: frame, features: features, target: "y", standardize: false)
            let x = try encoder.transform(frame)
            for (name, stopping) in [("HistGradientBoosting (defaults)", HistGradientBoosting.EarlyStopping.auto),
                                     ("HistGradientBoosting (early_stopping=False)", .off)] {
                var settings = HistGradientBoosting.Hyperparameters()
                settings.earlyStopping = stopping
                var seconds: [Double] = []
                var iterations: [Int] = []
                for _ in 0..<repeats {
                    let start = ProcessUsage.now()
                    let model = try HistGradientBoosting.fit(x, targets: label.values, task: .binary, hyperparameters: settings, seed: 0)
                    seconds.append(ProcessUsage.now() - start)
                    iterations.append(model.iterations)
                }
                let result = Result(rows: size, model: name, fitSeconds: seconds, fitMedianSeconds: CSVBenchResult.median(seconds),
                                    iterations: iterations)
                print(String(format: "N=%8d %@: fit median %.3fs iterations=%@", size, name, result.fitMedianSeconds,
                             iterations.map(String.init).joined(separator: ",")))
                results.append(result)
            }
        }
        return results
    }
}
