/// The command line of ``LabbookBench``.
///
/// The tool depends on nothing but `MLEngine`, so its few arguments are read here.
struct BenchArguments: Equatable {
    var files: [String] = []
    var repeats = 3
    var jsonPath: String?

    static let usage = """
        usage: LabbookBench csv FILE... [--repeats N] [--json OUT.json]

        Loads each FILE with CSVReader.read (parse, type inference, dictionary encoding,
        SHA-256 fingerprint) N times (default 3) after one untimed read of its bytes, and
        prints the first, median and fastest wall time, the median CPU time (all threads)
        and the process's peak RSS. Before any timing the process warms up its runtime
        (a two-line CSV parsed from memory, the worker threads started), as a Python
        benchmark imports pandas first. Run one file per process for a fair peak-memory
        figure.
        """

    struct Failure: Error {
        var message: String
    }

    static func parse(_ arguments: [String]) throws(Failure) -> BenchArguments {
        guard arguments.first == "csv" else {
            throw Failure(message: "the first argument must be the benchmark name `csv`")
        }
        var parsed = BenchArguments()
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--repeats":
                guard index + 1 < arguments.count, let count = Int(arguments[index + 1]), count > 0 else {
                    throw Failure(message: "--repeats needs a positive whole number")
                }
                parsed.repeats = count
                index += 2
            case "--json":
                guard index + 1 < arguments.count else { throw Failure(message: "--json needs a file name") }
                parsed.jsonPath = arguments[index + 1]
                index += 2
            case "-h", "--help":
                throw Failure(message: "")
            default:
                guard !argument.hasPrefix("--") else { throw Failure(message: "unknown option \(argument)") }
                parsed.files.append(argument)
                index += 1
            }
        }
        guard !parsed.files.isEmpty else { throw Failure(message: "no CSV file given") }
        return parsed
    }
}
