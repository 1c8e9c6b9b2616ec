import Reports
import Testing

@Suite("TextChart")
struct TextChartTests {
    static let bars = Chart(
        title: "Workclass",
        kind: .bars([Bar(label: "private", value: 80), Bar(label: "self-emp", value: 25), Bar(label: "gov", value: 0)]),
        xLabel: "rows", yLabel: "workclass")

    @Test("a small bar chart, Unicode")
    func barsUnicode() {
        let expected = """
            Workclass
            workclass                 rows
            private  ██████████████████ 80
            self-emp █████▋             25
            gov                          0

            """
        #expect(TextChart.render(Self.bars, width: 30) == expected)
    }

    @Test("a small bar chart, ASCII")
    func barsASCII() {
        let expected = """
            Workclass
            workclass                 rows
            private  ################## 80
            self-emp ######             25
            gov                          0

            """
        #expect(TextChart.render(Self.bars, width: 30, ascii: true) == expected)
    }

    @Test("partial blocks use eighths")
    func eighths() {
        let chart = Chart(title: "t", kind: .bars([Bar(label: "a", value: 100), Bar(label: "b", value: 33)]))
        let lines = TextChart.render(chart, width: 30).split(separator: "\n")
        // 24 cells for the bar: 33% of 24×8 eighths = 63.36 → 63 = 7 full + ▉.
        #expect(lines[2] == "b ███████▉" + String(repeating: " ", count: 18) + "33")
    }

    @Test("ASCII output is pure ASCII")
    func asciiOnly() {
        for case .chart(let chart) in SampleReport.train.outputs {
            let text = TextChart.render(chart, ascii: true)
            let drawing = text.unicodeScalars.filter { !$0.isASCII }
            // Non-ASCII may only come from the chart's own labels (the en dash in bin ranges).
            #expect(drawing.allSatisfy { $0 == "–" })
        }
    }

    @Test("line charts: axes, legend, no trailing spaces, one final newline")
    func lines() {
        let chart = Chart(
            title: "ROC", kind: .lines([.diagonal(), Series(name: "m", points: [Point(x: 0, y: 0), Point(x: 0, y: 1), Point(x: 1, y: 1)])]))
        let text = TextChart.render(chart, width: 40)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "ROC")
        #expect(lines[1] == "  1 │" + String(repeating: "•", count: 35))
        #expect(lines[15] == "  0 │•·")
        #expect(lines[16] == "    └" + String(repeating: "─", count: 35))
        #expect(lines[17] == "     0               0.5               1")
        #expect(lines.contains("· chance   • m"))
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test("heatmap: aligned number grid")
    func heatmap() {
        let chart = Chart(
            title: "Confusion", kind: .heatmap(rowLabels: ["no", "yes"], columnLabels: ["no", "yes"], values: [[4500, 300], [420, 1200]]),
            xLabel: "predicted", yLabel: "actual")
        let expected = """
            Confusion
            actual \\ predicted     no    yes
            no                  4,500    300
            yes                   420  1,200

            """
        #expect(TextChart.render(chart) == expected)
    }

    @Test("empty charts say so")
    func empty() {
        #expect(TextChart.render(Chart(title: "x", kind: .bars([]))) == "x\n(no data)\n")
        #expect(TextChart.render(Chart(title: "x", kind: .lines([]))) == "x\n(no data)\n")
        #expect(TextChart.render(Chart(title: "x", kind: .heatmap(rowLabels: [], columnLabels: [], values: []))) == "x\n(no data)\n")
    }
}
