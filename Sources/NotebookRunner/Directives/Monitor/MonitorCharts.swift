import MLEngine
import Reports

/// Reference-vs-current distribution charts of drifted features.
enum MonitorCharts {
    /// Charts drawn at most; the table names every drifted feature.
    static let limit = 10

    static func render(_ report: DriftReport) -> [ReportOutput] {
        report.features.filter(\.drifted).prefix(limit).compactMap { feature in
            feature.distribution.map { .chart(chart(feature.feature, $0)) }
        }
    }

    static func chart(_ feature: String, _ distribution: DriftDistribution) -> Chart {
        switch distribution {
        case .numeric(let edges, let reference, let current):
            func series(_ name: String, _ shares: [Double]) -> Series {
                Series(name: name, points: shares.indices.map { Point(x: (edges[$0] + edges[$0 + 1]) / 2, y: shares[$0] * 100) })
            }
            return Chart(
                title: "`\(feature)`: reference and current distributions",
                kind: .lines([series("reference", reference), series("current", current)]),
                xLabel: feature, yLabel: "% of rows")
        case .categorical(let categories, let reference, let current):
            var bars = [Bar]()
            for (index, category) in categories.enumerated() {
                let name = category ?? "(other)"
                bars.append(Bar(label: "\(name) · reference", value: reference[index] * 100))
                bars.append(Bar(label: "\(name) · current", value: current[index] * 100))
            }
            return Chart(
                title: "`\(feature)`: reference and current shares", kind: .bars(bars), xLabel: "% of rows",
                yLabel: feature)
        }
    }
}
