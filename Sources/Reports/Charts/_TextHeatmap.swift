/// The text rendering of a heatmap: an aligned grid of numbers.
struct _TextHeatmap {
    let rowLabels: [String]
    let columnLabels: [String]
    let values: [[Double]]
    let chart: Chart

    func lines() -> [String] {
        let rowCount = max(rowLabels.count, values.count)
        let columnCount = max(columnLabels.count, values.map(\.count).max() ?? 0)
        guard rowCount > 0, columnCount > 0 else { return [TextChart.noData] }
        let corner = [chart.yLabel, chart.xLabel].compactMap { $0 }.map(_TextLayout.singleLine)
            .joined(separator: " \\ ")
        let rows = (0..<rowCount).map { label(rowLabels, $0) }
        let headers = (0..<columnCount).map { label(columnLabels, $0) }
        let cells = (0..<rowCount).map { row in
            (0..<columnCount).map { column -> String in
                guard row < values.count, column < values[row].count else { return "" }
                return NumberFormat.chartValue(values[row][column])
            }
        }
        let firstWidth = max(corner.count, rows.map(\.count).max() ?? 0)
        let widths = (0..<columnCount).map { column in
            max(headers[column].count, cells.map { $0[column].count }.max() ?? 0)
        }
        var lines = [
            _TextLayout.padRight(corner, firstWidth)
                + zip(headers, widths).map { "  " + _TextLayout.padLeft($0, $1) }.joined()
        ]
        for (row, label) in rows.enumerated() {
            lines.append(
                _TextLayout.padRight(label, firstWidth)
                    + zip(cells[row], widths).map { "  " + _TextLayout.padLeft($0, $1) }.joined())
        }
        return lines
    }

    private func label(_ labels: [String], _ index: Int) -> String {
        index < labels.count ? _TextLayout.singleLine(labels[index]) : ""
    }
}
