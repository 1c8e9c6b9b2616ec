/// The SVG rendering of a horizontal bar chart: labels, bars and values.
struct _SVGBars {
    let bars: [Bar]
    let chart: Chart

    static let width = 480.0
    static let rowHeight = 22.0

    func body() -> _SVGBody {
        guard !bars.isEmpty else { return _SVG.noData(kind: "bars") }
        let labelCharacters = min(24, bars.map { _TextLayout.singleLine($0.label).count }.max() ?? 0)
        let values = bars.map { NumberFormat.chartValue($0.value) }
        let labelWidth = _SVG.width(ofCharacters: labelCharacters) + 12
        let valueWidth = _SVG.width(ofCharacters: values.map(\.count).max() ?? 0) + 12
        let barLeft = labelWidth
        let barSpace = max(40, Self.width - labelWidth - valueWidth - 8)
        let maximum = bars.map(\.value).filter(\.isFinite).max() ?? 0
        let hasHeader = chart.xLabel != nil || chart.yLabel != nil
        let top = hasHeader ? 28.0 : 8.0
        var elements: [String] = []
        if let labelsTitle = chart.yLabel {
            elements.append(
                "<text class=\"axis-label\" x=\"\(_SVG.number(barLeft - 8))\" y=\"16\" text-anchor=\"end\" font-weight=\"600\" fill=\"\(_SVG.textColor)\">\(_SVG.text(labelsTitle, characters: labelCharacters + 8))</text>"
            )
        }
        if let valuesTitle = chart.xLabel {
            elements.append(
                "<text class=\"axis-label\" x=\"\(_SVG.number(barLeft))\" y=\"16\" font-weight=\"600\" fill=\"\(_SVG.textColor)\">\(_SVG.text(valuesTitle, characters: Int((Self.width - barLeft) / _SVG.averageCharacterWidth)))</text>"
            )
        }
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            let fraction = bar.value.isFinite && bar.value > 0 && maximum > 0 ? min(1, bar.value / maximum) : 0
            let length = fraction * barSpace
            let label = _TextLayout.singleLine(bar.label)
            elements.append("<g class=\"bar-row\">")
            elements.append("<title>\(HTML.escape(label)): \(values[index])</title>")
            elements.append(
                "<text class=\"label\" x=\"\(_SVG.number(barLeft - 8))\" y=\"\(_SVG.number(y + 15))\" text-anchor=\"end\" fill=\"\(_SVG.textColor)\">\(_SVG.text(label, characters: labelCharacters))</text>"
            )
            elements.append(
                "<rect class=\"bar\" x=\"\(_SVG.number(barLeft))\" y=\"\(_SVG.number(y + 4))\" width=\"\(_SVG.number(length))\" height=\"14\" fill=\"\(_SVG.barColor)\"/>"
            )
            elements.append(
                "<text class=\"value\" x=\"\(_SVG.number(barLeft + length + 6))\" y=\"\(_SVG.number(y + 15))\" fill=\"\(_SVG.textColor)\">\(values[index])</text>"
            )
            elements.append("</g>")
        }
        let height = top + Double(bars.count) * Self.rowHeight + 8
        return _SVGBody(kind: "bars", width: Self.width, height: height, elements: elements)
    }
}
