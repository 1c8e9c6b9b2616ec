/// Renders a `Chart` as monospaced text for Markdown reports and terminals.
///
/// Bars use Unicode eighth blocks (`█▉▊▋▌▍▎▏`), line charts a character grid
/// with `│└─` axes and a legend, heatmaps an aligned number grid. With
/// `ascii: true` the drawing uses only ASCII (`#`, `*`, `|`, `-`, `+`, and
/// `.` for reference lines). The first line is the title (backticks that mark
/// code are dropped); lines carry no trailing spaces and the text ends with
/// one newline.
///
/// ```swift
/// print(TextChart.render(chart, width: 60), terminator: "")
/// ```
public enum TextChart {
    /// Renders `chart` in about `width` columns (at least 30; heatmaps take
    /// the width their numbers need).
    public static func render(_ chart: Chart, width: Int = 60, ascii: Bool = false) -> String {
        _TextLayout.finish([_TextLayout.singleLine(_InlineCode(chart.title).plainText)] + body(chart, width: width, ascii: ascii))
    }

    /// The chart's lines without the title line.
    static func body(_ chart: Chart, width: Int, ascii: Bool) -> [String] {
        let width = max(30, width)
        var lines: [String] = []
        switch chart.kind {
        case .bars(let bars):
            lines += _TextBars(bars: bars, chart: chart, width: width, ascii: ascii).lines()
        case .lines(let series):
            lines += _TextLines(series: series, chart: chart, width: width, ascii: ascii).lines()
        case .heatmap(let rowLabels, let columnLabels, let values):
            lines += _TextHeatmap(
                rowLabels: rowLabels, columnLabels: columnLabels, values: values, chart: chart
            ).lines()
        }
        return lines.map { $0.trimmingTrailingWhitespace() }
    }

    static let noData = "(no data)"
}
