/// The SVG rendering of a line chart: grid, axes with ticks, series and legend.
struct _SVGLines {
    let series: [Series]
    let chart: Chart

    static let width = 480.0
    static let plotHeight = 260.0
    static let legendRowHeight = 18.0

    func body() -> _SVGBody {
        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        guard !points.isEmpty else { return _SVG.noData(kind: "lines") }
        let xScale = _AxisScale(covering: points.map(\.x))
        let yScale = _AxisScale(covering: points.map(\.y), spanningData: chart.yAxisSpansData ?? false)
        let yTickTexts = yScale.ticks.map(NumberFormat.compact)
        let left = (chart.yLabel == nil ? 0.0 : 22) + _SVG.width(ofCharacters: yTickTexts.map(\.count).max() ?? 1) + 14
        let right = Self.width - 20
        let top = 14.0
        let bottom = top + Self.plotHeight
        func x(_ value: Double) -> Double { left + xScale.fraction(value) * (right - left) }
        func y(_ value: Double) -> Double { bottom - yScale.fraction(value) * Self.plotHeight }

        var elements = ["<g class=\"grid\" stroke=\"\(_SVG.gridColor)\" stroke-width=\"1\">"]
        for tick in xScale.ticks {
            elements.append(line(x(tick), top, x(tick), bottom))
        }
        for tick in yScale.ticks {
            elements.append(line(left, y(tick), right, y(tick)))
        }
        elements.append("</g>")
        elements.append("<g class=\"axis\" stroke=\"\(_SVG.mutedColor)\" stroke-width=\"1\">")
        elements.append(line(left, top, left, bottom))
        elements.append(line(left, bottom, right, bottom))
        elements.append("</g>")
        elements.append("<g class=\"ticks\" fill=\"\(_SVG.textColor)\">")
        for (tick, text) in zip(xScale.ticks, xScale.ticks.map(NumberFormat.compact)) {
            elements.append(
                "<text x=\"\(_SVG.number(x(tick)))\" y=\"\(_SVG.number(bottom + 16))\" text-anchor=\"middle\">\(text)</text>")
        }
        for (tick, text) in zip(yScale.ticks, yTickTexts) {
            elements.append(
                "<text x=\"\(_SVG.number(left - 6))\" y=\"\(_SVG.number(y(tick) + 4))\" text-anchor=\"end\">\(text)</text>")
        }
        elements.append("</g>")
        var cursor = bottom + 24
        if let xLabel = chart.xLabel {
            elements.append(
                "<text class=\"axis-label\" x=\"\(_SVG.number((left + right) / 2))\" y=\"\(_SVG.number(bottom + 36))\" text-anchor=\"middle\" font-weight=\"600\" fill=\"\(_SVG.textColor)\">\(_SVG.text(xLabel, characters: Int((right - left) / _SVG.averageCharacterWidth)))</text>"
            )
            cursor = bottom + 44
        }
        if let yLabel = chart.yLabel {
            let middle = (top + bottom) / 2
            elements.append(
                "<text class=\"axis-label\" x=\"14\" y=\"\(_SVG.number(middle))\" text-anchor=\"middle\" font-weight=\"600\" transform=\"rotate(-90 14 \(_SVG.number(middle)))\" fill=\"\(_SVG.textColor)\">\(_SVG.text(yLabel, characters: Int(Self.plotHeight / _SVG.averageCharacterWidth)))</text>"
            )
        }
        let styled = styles()
        for index in drawingOrder() {
            elements += seriesElements(series[index], style: styled[index], x: x, y: y)
        }
        let (legend, legendHeight) = legendElements(styles: styled, top: cursor + 6, left: left)
        elements += legend
        return _SVGBody(kind: "lines", width: Self.width, height: cursor + legendHeight + 10, elements: elements)
    }

    private struct Style {
        var className: String
        var color: String
        var dashed: Bool
    }

    private func styles() -> [Style] {
        var ordinal = 0
        return series.map { line in
            if line.isReference { return Style(className: "reference", color: _SVG.mutedColor, dashed: true) }
            defer { ordinal += 1 }
            let slot = ordinal % _SVG.seriesColors.count
            return Style(className: "series s\(slot)", color: _SVG.seriesColors[slot], dashed: false)
        }
    }

    /// Reference lines first, so the real series draw over them.
    private func drawingOrder() -> [Int] {
        series.indices.filter { series[$0].isReference } + series.indices.filter { !series[$0].isReference }
    }

    private func seriesElements(
        _ line: Series, style: Style, x: (Double) -> Double, y: (Double) -> Double
    ) -> [String] {
        let points = line.points.filter { $0.x.isFinite && $0.y.isFinite }
        guard !points.isEmpty else { return [] }
        let title = "<title>\(HTML.escape(_TextLayout.singleLine(line.name)))</title>"
        if points.count == 1, let point = points.first {
            return [
                "<circle class=\"\(style.className)\" cx=\"\(_SVG.number(x(point.x)))\" cy=\"\(_SVG.number(y(point.y)))\" r=\"3\" fill=\"\(style.color)\">\(title)</circle>"
            ]
        }
        let coordinates = points.map { _SVG.number(x($0.x)) + "," + _SVG.number(y($0.y)) }.joined(separator: " ")
        let dash = style.dashed ? " stroke-dasharray=\"5 4\"" : ""
        let strokeWidth = style.dashed ? "1.5" : "2"
        return [
            "<polyline class=\"\(style.className)\" fill=\"none\" stroke=\"\(style.color)\" stroke-width=\"\(strokeWidth)\"\(dash) stroke-linejoin=\"round\" points=\"\(coordinates)\">\(title)</polyline>"
        ]
    }

    private func legendElements(styles: [Style], top: Double, left: Double) -> ([String], Double) {
        var elements = ["<g class=\"legend\">"]
        var x = left
        var row = 0
        for (index, line) in series.enumerated() {
            let name = _TextLayout.truncate(_TextLayout.singleLine(line.name), 32, ascii: false)
            let itemWidth = 24 + _SVG.width(ofCharacters: name.count) + 18
            if x > left, x + itemWidth > Self.width - 10 {
                row += 1
                x = left
            }
            let y = top + Double(row) * Self.legendRowHeight
            let style = styles[index]
            let dash = style.dashed ? " stroke-dasharray=\"5 4\"" : ""
            elements.append(
                "<line class=\"\(style.className)\" x1=\"\(_SVG.number(x))\" y1=\"\(_SVG.number(y))\" x2=\"\(_SVG.number(x + 18))\" y2=\"\(_SVG.number(y))\" stroke=\"\(style.color)\" stroke-width=\"2\"\(dash)/>"
            )
            elements.append(
                "<text x=\"\(_SVG.number(x + 24))\" y=\"\(_SVG.number(y + 4))\" fill=\"\(_SVG.textColor)\">\(HTML.escape(name))</text>"
            )
            x += itemWidth
        }
        elements.append("</g>")
        return (elements, Double(row + 1) * Self.legendRowHeight)
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
        "<line x1=\"\(_SVG.number(x1))\" y1=\"\(_SVG.number(y1))\" x2=\"\(_SVG.number(x2))\" y2=\"\(_SVG.number(y2))\"/>"
    }
}
