#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `LabbookBench csv FILE... [--repeats N] [--json F]`: times ``CSVReader`` loads;
/// `LabbookBench models|scaling …`: times the engine's models (see ``ModelBenchArguments``);
/// `LabbookBench drift …`: times drift detection (see ``DriftBenchmark``);
/// `LabbookBench formats …`: JSON against the binary model format (``ModelFormatBenchmark``).
///
/// Thin entry point: the measuring lives in ``CSVBenchmark``. Exit codes: 0 success,
/// 1 a file failed to load, 2 bad arguments.
@main
struct LabbookBench {
    static func main() {
        if CommandLine.arguments.dropFirst().first == "drift" {
            DriftBenchmark.run(Array(CommandLine.arguments.dropFirst(2)))
            return
        }
        if CommandLine.arguments.dropFirst().first == "formats" {
            do {
                try ModelFormatBenchmark.run(Array(CommandLine.arguments.dropFirst()))
            } catch {
                fail("LabbookBench: \(error)", code: 1)
            }
            return
        }
        if let first = CommandLine.arguments.dropFirst().first, first == "serving" {
            runServing(Array(CommandLine.arguments.dropFirst(2)))
            return
        }
        if let first = CommandLine.arguments.dropFirst().first, first == "models" || first == "scaling" {
            runModels(Array(CommandLine.arguments.dropFirst()))
            return
        }
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

    /// `models` and `scaling`: see ``ModelBenchArguments``.
    private static func runModels(_ commandLine: [String]) {
        let arguments: ModelBenchArguments
        do {
            arguments = try ModelBenchArguments.parse(commandLine)
        } catch {
            fail(error.message + "\n\n" + ModelBenchArguments.usage, code: 2)
        }
        CSVBenchmark.warmUpProcess()
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data: Data
            if arguments.command == "models" {
                let results = try ModelsBenchmark.run(
                    dataDirectory: arguments.dataDirectory, only: arguments.only, fitRepeats: arguments.repeats)
                data = try encoder.encode(results)
            } else {
                let results = try ScalingBenchmark.run(
                    dataDirectory: arguments.dataDirectory, sizes: arguments.sizes, repeats: arguments.repeats)
                data = try encoder.encode(results)
            }
            if let path = arguments.jsonPath { try data.write(to: URL(fileURLWithPath: path)) }
        } catch {
            fail("LabbookBench: \(error)", code: 1)
        }
    }

    /// `serving --data DIR [--rows N] [--repeats N]`: see ``ServingBenchmark``.
    private static func runServing(_ arguments: [String]) {
        var data: String?
        var rows = 2000
        var repeats = 5
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch (arguments[index], value) {
            case ("--data", let value?): data = value
            case ("--rows", let value?): rows = Int(value) ?? rows
            case ("--repeats", let value?): repeats = Int(value) ?? repeats
            default: fail("usage: LabbookBench serving --data DIR [--rows N] [--repeats N]", code: 2)
            }
            index += 2
        }
        guard let data else { fail("usage: LabbookBench serving --data DIR [--rows N] [--repeats N]", code: 2) }
        CSVBenchmark.warmUpProcess()
        do {
            print(ServingBenchmark.report(try ServingBenchmark.run(dataDirectory: data, rows: rows, repeats: repeats)))
        } catch {
            fail("LabbookBench: \(error)", code: 1)
        }
    }

    private static func fail(_ message: String, code: Int32) -> Never {
        let text = Array((message + "\n").utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(code)
    }
}
