import Foundation

/// The timings of one file's loads.
struct CSVBenchResult: Codable {
    var file: String
    var bytes: Int
    var rows: Int
    var columns: Int
    /// The loaded fingerprint's content hash (`sha256:…`), to check the file.
    var contentHash: String
    /// Wall time of each load, in order.
    var seconds: [Double]
    /// CPU time (user + system, all threads) of each load, in order.
    var cpuSeconds: [Double]

    var median: Double { Self.median(seconds) }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// A text table, one line per file; the peak RSS is the whole process's.
    static func table(_ results: [CSVBenchResult], peakRSSMegabytes: Double) -> String {
        var lines = [
            pad("file", 28) + pad("MB", 9, right: true) + pad("rows", 10, right: true) + pad("cols", 6, right: true)
                + pad("first s", 9, right: true) + pad("median s", 10, right: true) + pad("min s", 9, right: true)
                + pad("cpu s", 8, right: true)
                + pad("MB/s", 8, right: true)
        ]
        for result in results {
            let name = String(result.file.split(separator: "/").last ?? Substring(result.file))
            let megabytes = Double(result.bytes) / 1e6
            lines.append(
                pad(name, 28) + pad(fixed(megabytes, 1), 9, right: true) + pad("\(result.rows)", 10, right: true)
                    + pad("\(result.columns)", 6, right: true) + pad(fixed(result.seconds.first ?? .nan, 4), 9, right: true)
                    + pad(fixed(result.median, 4), 10, right: true)
                    + pad(fixed(result.seconds.min() ?? .nan, 4), 9, right: true)
                    + pad(fixed(median(result.cpuSeconds), 3), 8, right: true)
                    + pad(fixed(megabytes / result.median, 0), 8, right: true))
        }
        lines.append("peak RSS of this process: \(fixed(peakRSSMegabytes, 1)) MB")
        return lines.joined(separator: "\n")
    }

    /// Writes `{"peak_rss_mb": …, "results": [{…, "median_s": …}]}`.
    static func writeJSON(_ results: [CSVBenchResult], peakRSSMegabytes: Double, to path: String) throws {
        struct Entry: Encodable {
            var result: CSVBenchResult
            func encode(to encoder: any Encoder) throws {
                try result.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(result.median, forKey: .medianSeconds)
                try container.encode(CSVBenchResult.median(result.cpuSeconds), forKey: .medianCPUSeconds)
            }
            enum Key: String, CodingKey { case medianSeconds = "median_s", medianCPUSeconds = "median_cpu_s" }
        }
        struct Payload: Encodable {
            var peak_rss_mb: Double
            var results: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Payload(peak_rss_mb: peakRSSMegabytes, results: results.map { Entry(result: $0) }))
        try data.write(to: URL(fileURLWithPath: path))
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
