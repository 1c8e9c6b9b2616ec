import Foundation
import MLEngine

/// `LabbookBench drift [--rows N] [--reference N] [--features N] [--repeats N]`: times
/// ``DriftReport/compare(reference:current:features:policy:)`` on generated data, half the
/// features numeric (a shifted normal-ish mix, a tenth missing in one), half categorical
/// (12 categories), with Evidently's default tests and PSI beside each.
enum DriftBenchmark {
    static func run(_ arguments: [String]) {
        var rows = 1_000_000
        var referenceRows = 100_000
        var features = 20
        var repeats = 5
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (arguments[index], value) {
            case ("--rows", let number?): rows = number
            case ("--reference", let number?): referenceRows = number
            case ("--features", let number?): features = number
            case ("--repeats", let number?): repeats = number
            default:
                FileHandle.standardError.write(Data("usage: LabbookBench drift [--rows N] [--reference N] [--features N] [--repeats N]\n".utf8))
                exit(2)
            }
            index += 2
        }
        let reference = frame(rows: referenceRows, features: features, shift: 0, seed: 1)
        let current = frame(rows: rows, features: features, shift: 0.3, seed: 2)
        let names = reference.columnNames
        var seconds = [Double]()
        var drifted = 0
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            guard let report = try? DriftReport.compare(reference: reference, current: current, features: names) else {
                FileHandle.standardError.write(Data("LabbookBench: drift comparison failed\n".utf8))
                exit(1)
            }
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            drifted = report.features.filter(\.drifted).count
        }
        seconds.sort()
        let threads = ProcessInfo.processInfo.activeProcessorCount
        print(String(
            format: "drift: %d current × %d features against %d reference rows, %d threads: min %.3f s, median %.3f s (%d features drifted)",
            rows, features, referenceRows, threads, seconds[0], seconds[seconds.count / 2], drifted))
    }

    static func frame(rows: Int, features: Int, shift: Double, seed: UInt64) -> DataFrame {
        var generator = SeededGenerator(seed: seed)
        var columns = [Column]()
        for feature in 0..<features {
            if feature % 2 == 0 {
                let values = (0..<rows).map { row -> Double in
                    if feature == 0 && row % 10 == 0 { return .nan }
                    let u = Double(generator.next() >> 11) / Double(1 << 53)
                    let v = Double(generator.next() >> 11) / Double(1 << 53)
                    return (u + v - 1) * 10 + shift * Double(feature % 3) + Double(feature)
                }
                columns.append(.numeric(NumericColumn(name: "n\(feature)", values: values)))
            } else {
                let codes = (0..<rows).map { _ in UInt32(generator.next() % 12) }
                columns.append(.categorical(CategoricalColumn(
                    name: "c\(feature)", codes: codes, categories: (0..<12).map { "k\($0)" })))
            }
        }
        return DataFrame(columns: columns)
    }
}
