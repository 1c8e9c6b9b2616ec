/// The text rendering of a line chart: a character grid with axes and a legend.
struct _TextLines {
    let series: [Series]
    let chart: Chart
    let width: Int
    let ascii: Bool

    static let height = 15
    private static let unicodeMarkers: [Character] = ["•", "○", "◆", "▲", "×", "■"]
    private static let asciiMarkers: [Character] = ["*", "#", "+", "o", "x", "@"]

    func lines() -> [String] {
        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        guard !points.isEmpty else { return [TextChart.noData] }
        let xScale = _AxisScale(covering: points.map(\.x))
        let yScale = _AxisScale(covering: points.map(\.y), spanningData: chart.yAxisSpansData ?? false)
        let yTicks = [yScale.upper, (yScale.upper + yScale.lower) / 2, yScale.lower].map(NumberFormat.compact)
        let tickWidth = yTicks.map(\.count).max() ?? 1
        let plotWidth = max(10, width - tickWidth - 2)
        let height = Self.height
        var grid = Array(repeating: Array(repeating: Character(" "), count: plotWidth), count: height)
        for (index, line) in drawingOrder() {
            let marker = self.marker(for: line, index: index)
            let cells = line.points.filter { $0.x.isFinite && $0.y.isFinite }.map { point in
                (
                    column: xScale.fraction(point.x) * Double(plotWidth - 1),
                    row: (1 - yScale.fraction(point.y)) * Double(height - 1)
                )
            }
            for (start, end) in zip(cells, cells.dropFirst()) {
                let steps = max(1, Int(max(abs(end.column - start.column), abs(end.row - start.row)).rounded(.up)))
                for step in 0...steps {
                    let t = Double(step) / Double(steps)
                    plot(&grid, start.column + (end.column - start.column) * t, start.row + (end.row - start.row) * t, marker)
                }
            }
            if cells.count == 1, let only = cells.first { plot(&grid, only.column, only.row, marker) }
        }
        var lines: [String] = []
        if let yLabel = chart.yLabel { lines.append(_TextLayout.singleLine(yLabel)) }
        let vertical = ascii ? "|" : "│"
        for (row, cells) in grid.enumerated() {
            let tick = row == 0 ? yTicks[0] : row == height / 2 ? yTicks[1] : row == height - 1 ? yTicks[2] : ""
            lines.append(_TextLayout.padLeft(tick, tickWidth) + " " + vertical + String(cells))
        }
        let corner = ascii ? "+" : "└"
        let horizontal = ascii ? "-" : "─"
        lines.append(String(repeating: " ", count: tickWidth + 1) + corner + String(repeating: horizontal, count: plotWidth))
        lines.append(String(repeating: " ", count: tickWidth + 2) + xTickLine(xScale, plotWidth: plotWidth))
        if let xLabel = chart.xLabel {
            let label = _TextLayout.singleLine(xLabel)
            let offset = max(0, (plotWidth - label.count) / 2)
            lines.append(String(repeating: " ", count: tickWidth + 2 + offset) + label)
        }
        lines += legend()
        return lines
    }

    /// Reference lines first, so the real series draw over them.
    private func drawingOrder() -> [(Int, Series)] {
        let indexed = Array(series.enumerated())
        return indexed.filter { $0.1.isReference } + indexed.filter { !$0.1.isReference }
    }

    private func marker(for line: Series, index: Int) -> Character {
        if line.isReference { return ascii ? "." : "·" }
        let ordinal = series[..<index].filter { !$0.isReference }.count
        let markers = ascii ? Self.asciiMarkers : Self.unicodeMarkers
        return markers[ordinal % markers.count]
    }

    private func plot(_ grid: inout [[Character]], _ column: Double, _ row: Double, _ marker: Character) {
        let c = Int(column.rounded())
        let r = Int(row.rounded())
        guard r >= 0, r < grid.count, c >= 0, c < grid[r].count else { return }
        grid[r][c] = marker
    }

    private func xTickLine(_ scale: _AxisScale, plotWidth: Int) -> String {
        let left = NumberFormat.compact(scale.lower)
        let middle = NumberFormat.compact((scale.lower + scale.upper) / 2)
        let right = NumberFormat.compact(scale.upper)
        var line = Array(repeating: Character(" "), count: plotWidth + right.count)
        func place(_ text: String, at start: Int) {
            for (offset, character) in text.enumerated() where start + offset >= 0 && start + offset < line.count {
                line[start + offset] = character
            }
        }
        place(left, at: 0)
        let middleStart = (plotWidth - 1) / 2 - middle.count / 2
        if middleStart > left.count, middleStart + middle.count < plotWidth - right.count {
            place(middle, at: middleStart)
        }
        place(right, at: plotWidth - right.count)
        return String(line)
    }

    private func legend() -> [String] {
        let items = series.enumerated().map { index, line in
            String(marker(for: line, index: index)) + " " + _TextLayout.singleLine(line.name)
        }
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty {
                current = item
            } else if current.count + 3 + item.count <= width {
                current += "   " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
