/// The SVG rendering of a heatmap: shaded cells with their numbers written in.
struct _SVGHeatmap {
    let rowLabels: [String]
    let columnLabels: [String]
    let values: [[Double]]
    let chart: Chart

    static let cellHeight = 36.0

    func body() -> _SVGBody {
        let rowCount = max(rowLabels.count, values.count)
        let columnCount = max(columnLabels.count, values.map(\.count).max() ?? 0)
        guard rowCount > 0, columnCount > 0 else { return _SVG.noData(kind: "heatmap") }
        let rows = (0..<rowCount).map { $0 < rowLabels.count ? _TextLayout.singleLine(rowLabels[$0]) : "" }
        let columns = (0..<columnCount).map { $0 < columnLabels.count ? _TextLayout.singleLine(columnLabels[$0]) : "" }
        let cells = (0..<rowCount).map { row in
            (0..<columnCount).map { column -> Double? in
                row < values.count && column < values[row].count ? values[row][column] : nil
            }
        }
        let finite = cells.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite)
        let minimum = finite.min() ?? 0
        let maximum = finite.max() ?? 0
        let texts = cells.map { $0.map { $0.map(NumberFormat.chartValue) ?? "" } }
        let rowLabelCharacters = min(24, rows.map(\.count).max() ?? 0)
        let cornerCharacters = min(24, chart.yLabel.map { _TextLayout.singleLine($0).count } ?? 0)
        let left = _SVG.width(ofCharacters: max(rowLabelCharacters, cornerCharacters)) + 12
        let widest = max(columns.map(\.count).max() ?? 0, texts.flatMap { $0 }.map(\.count).max() ?? 0)
        let cellWidth = min(120, max(56, _SVG.width(ofCharacters: widest) + 16))
        let top = (chart.xLabel == nil ? 0.0 : 22) + 24
        let width = left + Double(columnCount) * cellWidth + 8
        let height = top + Double(rowCount) * Self.cellHeight + 8
        let labelCharacters = Int((cellWidth - 8) / _SVG.averageCharacterWidth)
        var elements: [String] = []
        if let xLabel = chart.xLabel {
            let center = left + Double(columnCount) * cellWidth / 2
            elements.append(
                "<text class=\"axis-label\" x=\"\(_SVG.number(center))\" y=\"16\" text-anchor=\"middle\" font-weight=\"600\" fill=\"\(_SVG.textColor)\">\(_SVG.text(xLabel, characters: 80))</text>"
            )
        }
        if let yLabel = chart.yLabel {
            elements.append(
                "<text class=\"axis-label\" x=\"\(_SVG.number(left - 8))\" y=\"\(_SVG.number(top - 8))\" text-anchor=\"end\" font-weight=\"600\" fill=\"\(_SVG.textColor)\">\(_SVG.text(yLabel, characters: cornerCharacters))</text>"
            )
        }
        for (column, label) in columns.enumerated() {
            let x = left + (Double(column) + 0.5) * cellWidth
            elements.append(
                "<text class=\"label\" x=\"\(_SVG.number(x))\" y=\"\(_SVG.number(top - 8))\" text-anchor=\"middle\" fill=\"\(_SVG.textColor)\">\(_SVG.text(label, characters: labelCharacters))</text>"
            )
        }
        for (row, label) in rows.enumerated() {
            let y = top + Double(row) * Self.cellHeight
            elements.append(
                "<text class=\"label\" x=\"\(_SVG.number(left - 8))\" y=\"\(_SVG.number(y + Self.cellHeight / 2 + 4))\" text-anchor=\"end\" fill=\"\(_SVG.textColor)\">\(_SVG.text(label, characters: rowLabelCharacters))</text>"
            )
            for column in 0..<columnCount {
                let x = left + Double(column) * cellWidth
                let value = cells[row][column]
                let level = self.level(value, minimum: minimum, maximum: maximum)
                let fill = level.map { _SVG.heatColors[$0] } ?? "none"
                let textFill = (level ?? 0) >= 3 ? "#ffffff" : "#1f2328"
                let textClass = (level ?? 0) >= 3 ? "cell-value on-dark" : "cell-value"
                let levelClass = level.map { "h\($0)" } ?? "na"
                let tooltip = HTML.escape(label) + " / " + HTML.escape(columns[column]) + ": " + texts[row][column]
                elements.append("<g class=\"heat-cell\">")
                elements.append("<title>\(tooltip)</title>")
                elements.append(
                    "<rect class=\"cell \(levelClass)\" x=\"\(_SVG.number(x + 1))\" y=\"\(_SVG.number(y + 1))\" width=\"\(_SVG.number(cellWidth - 2))\" height=\"\(_SVG.number(Self.cellHeight - 2))\" fill=\"\(fill)\"/>"
                )
                elements.append(
                    "<text class=\"\(textClass)\" x=\"\(_SVG.number(x + cellWidth / 2))\" y=\"\(_SVG.number(y + Self.cellHeight / 2 + 4))\" text-anchor=\"middle\" fill=\"\(textFill)\">\(texts[row][column])</text>"
                )
                elements.append("</g>")
            }
        }
        return _SVGBody(kind: "heatmap", width: width, height: height, elements: elements)
    }

    /// The shade (0…5) of a cell, or `nil` for a missing or non-finite value.
    private func level(_ value: Double?, minimum: Double, maximum: Double) -> Int? {
        guard let value, value.isFinite else { return nil }
        guard maximum > minimum else { return 0 }
        let count = _SVG.heatColors.count
        return min(count - 1, Int((value - minimum) / (maximum - minimum) * Double(count)))
    }
}
