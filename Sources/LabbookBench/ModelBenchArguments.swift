/// The command lines of `LabbookBench models` and `LabbookBench scaling`.
struct ModelBenchArguments: Equatable {
    var command = "models"
    var only: String?
    var jsonPath: String?
    var dataDirectory = "../shared/datasets/adult"
    var sizes = [100_000, 1_000_000]
    var repeats = 3

    static let usage = """
        usage: LabbookBench models [--only NAME] [--data DIR] [--repeats N] [--json OUT.json]
               LabbookBench scaling --data DIR [--rows 100000,1000000] [--repeats N] [--json OUT.json]

        models: fits each model on DIR/adult-train.csv (default ../shared/datasets/adult) N times
        (default 3) and reports accuracy, ROC AUC and log loss on adult-test.csv, the median fit
        time, batch predict time, and single-row latency p50/p99 over 1000 test rows.
        scaling: fits gradient boosting on DIR/classification_ROWS.csv (columns f0..f19, y) and
        reports the median fit time per size.
        """

    static func parse(_ arguments: [String]) throws(BenchArguments.Failure) -> ModelBenchArguments {
        var parsed = ModelBenchArguments()
        guard let command = arguments.first, ["models", "scaling"].contains(command) else {
            throw BenchArguments.Failure(message: "the first argument must be `models` or `scaling`")
        }
        parsed.command = command
        var index = 1
        func value() throws(BenchArguments.Failure) -> String {
            guard index + 1 < arguments.count else {
                throw BenchArguments.Failure(message: "\(arguments[index]) needs a value")
            }
            return arguments[index + 1]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--only": parsed.only = try value()
            case "--json": parsed.jsonPath = try value()
            case "--data": parsed.dataDirectory = try value()
            case "--repeats":
                guard let count = Int(try value()), count > 0 else {
                    throw BenchArguments.Failure(message: "--repeats needs a positive whole number")
                }
                parsed.repeats = count
            case "--rows":
                let sizes = try value().split(separator: ",").compactMap { Int($0) }
                guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else {
                    throw BenchArguments.Failure(message: "--rows needs positive whole numbers separated by commas")
                }
                parsed.sizes = sizes
            default:
                throw BenchArguments.Failure(message: "unknown option \(arguments[index])")
            }
            index += 2
        }
        return parsed
    }
}
