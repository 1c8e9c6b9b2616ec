#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `LabbookBench csv FILE... [--repeats N] [--json F]`: times ``CSVReader`` loads.
///
/// Thin entry point: the measuring lives in ``CSVBenchmark``. Exit codes: 0 success,
/// 1 a file failed to load, 2 bad arguments.
@main
struct LabbookBench {
    static func main() {
        let arguments: BenchArguments
        do {
            arguments = try BenchArguments.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail(error.message + "\n\n" + BenchArguments.usage, code: 2)
        }
        CSVBenchmark.warmUpProcess()
        var results: [CSVBenchResult] = []
        for file in arguments.files {
            do {
                results.append(try CSVBenchmark.measure(path: file, repeats: arguments.repeats))
            } catch {
                fail("LabbookBench: \(error)", code: 1)
            }
        }
        print(CSVBenchResult.table(results, peakRSSMegabytes: ProcessUsage.peakRSSMegabytes()))
        if let json = arguments.jsonPath {
            do {
                try CSVBenchResult.writeJSON(results, peakRSSMegabytes: ProcessUsage.peakRSSMegabytes(), to: json)
            } catch {
                fail("LabbookBench: cannot write \(json): \(error)", code: 1)
            }
        }
    }

    private static func fail(_ message: String, code: Int32) -> Never {
        let text = Array((message + "\n").utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(code)
    }
}
