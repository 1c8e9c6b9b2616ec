/// The text rendering of a horizontal bar chart.
struct _TextBars {
    let bars: [Bar]
    let chart: Chart
    let width: Int
    let ascii: Bool

    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    func lines() -> [String] {
        guard !bars.isEmpty else { return [TextChart.noData] }
        let labels = bars.map { _TextLayout.singleLine($0.label) }
        let values = bars.map { NumberFormat.chartValue($0.value) }
        let labelWidth = min(labels.map(\.count).max() ?? 0, max(8, width / 3))
        let valueWidth = values.map(\.count).max() ?? 0
        let barWidth = max(10, width - labelWidth - valueWidth - 2)
        let maximum = bars.map(\.value).filter(\.isFinite).max() ?? 0
        var lines: [String] = []
        if chart.xLabel != nil || chart.yLabel != nil {
            let left = _TextLayout.singleLine(chart.yLabel ?? "")
            let right = _TextLayout.singleLine(chart.xLabel ?? "")
            let total = labelWidth + 1 + barWidth + 1 + valueWidth
            lines.append(left + " " + _TextLayout.padLeft(right, total - left.count - 1))
        }
        for (index, bar) in bars.enumerated() {
            let label = _TextLayout.truncate(labels[index], labelWidth, ascii: ascii)
            let drawn = self.bar(bar.value, maximum: maximum, width: barWidth)
            lines.append(
                _TextLayout.padRight(label, labelWidth) + " " + _TextLayout.padRight(drawn, barWidth) + " "
                    + _TextLayout.padLeft(values[index], valueWidth))
        }
        return lines
    }

    /// The bar for `value`, scaled so `maximum` fills `width` cells.
    private func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard value.isFinite, value > 0, maximum > 0 else { return "" }
        let fraction = min(1, value / maximum)
        if ascii {
            return String(repeating: "#", count: Int((fraction * Double(width)).rounded()))
        }
        let eighthsCount = Int((fraction * Double(width * 8)).rounded())
        var drawn = String(repeating: "█", count: eighthsCount / 8)
        let remainder = eighthsCount % 8
        if remainder > 0 { drawn.append(Self.eighths[remainder - 1]) }
        return drawn
    }
}
