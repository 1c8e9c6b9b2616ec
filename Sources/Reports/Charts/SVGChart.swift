/// Renders a `Chart` as a self-contained inline SVG for HTML reports.
///
/// The SVG has a `viewBox`, `role="img"`, an `aria-label` and a `<title>`;
/// it fetches nothing. Colours are presentation attributes (a light theme, so
/// a standalone file looks right) plus CSS classes (`bar`, `series s0`…,
/// `reference`, `grid`, `axis`, `cell h0`…`h5`) that the HTML report's
/// stylesheet overrides, e.g. for dark mode. All text is escaped. The output
/// ends with one newline.
public enum SVGChart {
    /// Renders `chart` as an `<svg>` element.
    public static func render(_ chart: Chart) -> String {
        let body: _SVGBody
        switch chart.kind {
        case .bars(let bars):
            body = _SVGBars(bars: bars, chart: chart).body()
        case .lines(let series):
            body = _SVGLines(series: series, chart: chart).body()
        case .heatmap(let rowLabels, let columnLabels, let values):
            body = _SVGHeatmap(rowLabels: rowLabels, columnLabels: columnLabels, values: values, chart: chart)
                .body()
        }
        let title = HTML.escape(_TextLayout.singleLine(_InlineCode(chart.title).plainText))
        let width = _SVG.number(body.width)
        let height = _SVG.number(body.height)
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-\(body.kind)\" viewBox=\"0 0 \(width) \(height)\""
                + " width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(title)\""
                + " font-family=\"system-ui, sans-serif\" font-size=\"12\">",
            "<title>\(title)</title>",
        ]
        lines += body.elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The inside of an SVG chart and the size it needs.
struct _SVGBody {
    var kind: String
    var width: Double
    var height: Double
    var elements: [String]
}

/// Small SVG writing helpers.
enum _SVG {
    static let textColor = "currentColor"
    static let mutedColor = "#59636e"
    static let gridColor = "#d1d9e0"
    static let barColor = "#0969da"
    static let seriesColors = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#1b7c83"]
    static let heatColors = ["#eef4fb", "#cfe2f7", "#9ec5ef", "#5a9be0", "#2f74c0", "#174a8b"]
    static let averageCharacterWidth = 8.0

    /// A coordinate: at most one decimal, no trailing `.0`.
    static func number(_ value: Double) -> String {
        let text = NumberFormat.fixed(value.isFinite ? value : 0, decimals: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Escaped single-line text, cut to `characters`.
    static func text(_ text: String, characters: Int) -> String {
        HTML.escape(_TextLayout.truncate(_TextLayout.singleLine(text), characters, ascii: false))
    }

    /// An estimate of how wide `characters` characters are, in SVG units.
    static func width(ofCharacters characters: Int) -> Double {
        Double(characters) * averageCharacterWidth
    }

    /// A placeholder body for a chart without data.
    static func noData(kind: String) -> _SVGBody {
        _SVGBody(
            kind: kind, width: 320, height: 48,
            elements: [
                "<text class=\"muted\" x=\"160\" y=\"28\" text-anchor=\"middle\" fill=\"\(mutedColor)\">no data</text>"
            ])
    }
}
