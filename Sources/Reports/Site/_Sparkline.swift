/// A small line of a metric over runs: an inline SVG for the HTML index, block characters
/// (`▁▂▃▄▅▆▇█`) for the Markdown one. Points are evenly spaced in run order.
struct _Sparkline {
    var points: [Point]
    var metric: String

    static let width = 120.0
    static let height = 28.0
    static let padding = 3.0

    /// The `<svg>` (one line), or an empty string without points.
    func svg() -> String {
        guard let first = points.first, let last = points.last else { return "" }
        let low = points.map(\.y).min() ?? 0
        let high = points.map(\.y).max() ?? 0
        func x(_ index: Int) -> Double {
            points.count == 1 ? Self.width / 2 : Self.padding + Double(index) * (Self.width - 2 * Self.padding) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double {
            high > low ? Self.height - Self.padding - (value - low) / (high - low) * (Self.height - 2 * Self.padding) : Self.height / 2
        }
        let coordinates = points.enumerated().map { "\(_SVG.number(x($0.offset))),\(_SVG.number(y($0.element.y)))" }
        let label = HTML.escape(
            "\(metric) over runs #\(Self.run(first.x))–#\(Self.run(last.x)): "
                + "\(NumberFormat.fixed(first.y, decimals: 4)) → \(NumberFormat.fixed(last.y, decimals: 4))")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" viewBox=\"0 0 \(_SVG.number(Self.width)) \(_SVG.number(Self.height))\""
            + " width=\"\(_SVG.number(Self.width))\" height=\"\(_SVG.number(Self.height))\" role=\"img\" aria-label=\"\(label)\"><title>\(label)</title>"
        if points.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" points=\"\(coordinates.joined(separator: " "))\"/>"
        }
        svg += "<circle cx=\"\(_SVG.number(x(points.count - 1)))\" cy=\"\(_SVG.number(y(last.y)))\" r=\"2.5\" fill=\"#0969da\"/></svg>"
        return svg
    }

    /// One block character per point, lowest `▁` to highest `█`.
    func text() -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let low = points.map(\.y).min() ?? 0
        let high = points.map(\.y).max() ?? 0
        return String(points.map { point in
            high > low ? blocks[min(blocks.count - 1, Int((point.y - low) / (high - low) * Double(blocks.count - 1) + 0.5))] : blocks[3]
        })
    }

    static func run(_ x: Double) -> String {
        x.isFinite && abs(x) < 1e15 ? String(Int64(x)) : "?"
    }
}
