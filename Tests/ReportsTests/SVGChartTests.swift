import Reports
import Testing

@Suite("SVGChart")
struct SVGChartTests {
    @Test("every chart kind has viewBox, role, title, and is balanced", arguments: [0, 1, 2])
    func basics(index: Int) {
        let charts = SampleReport.train.outputs.compactMap { output -> Chart? in
            if case .chart(let chart) = output { return chart }
            return nil
        }
        let svg = SVGChart.render(charts[index])
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains(" viewBox=\"0 0 "))
        #expect(svg.contains(" role=\"img\""))
        #expect(svg.contains("<title>"))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(!svg.contains(SampleReport.special))
        #expect(TagBalance.problems(in: svg).isEmpty)
    }

    @Test("ROC-like data gets 0–1 axes with 0.2 ticks")
    func unitAxes() {
        let chart = Chart(title: "ROC", kind: .lines([.diagonal()]))
        let svg = SVGChart.render(chart)
        for tick in ["0", "0.2", "0.4", "0.6", "0.8", "1"] {
            #expect(svg.contains(">\(tick)</text>"))
        }
        #expect(svg.contains("class=\"reference\""))
    }

    @Test("general data gets nice axes from its range")
    func generalAxes() {
        let chart = Chart(title: "loss", kind: .lines([Series(name: "train", points: [Point(x: 1, y: 12), Point(x: 20, y: 3)])]))
        let svg = SVGChart.render(chart)
        #expect(svg.contains(">20</text>"))
        #expect(svg.contains(">12</text>"))
        #expect(svg.contains("class=\"series s0\""))
    }

    @Test("heatmap cells show their numbers")
    func heatmapNumbers() {
        let chart = Chart(title: "cm", kind: .heatmap(rowLabels: ["a", "b"], columnLabels: ["a", "b"], values: [[4500, 300], [420, 1200]]))
        let svg = SVGChart.render(chart)
        for number in ["4,500", "300", "420", "1,200"] {
            #expect(svg.contains(">\(number)</text>"))
        }
        #expect(svg.contains("class=\"cell h5\""))
        #expect(svg.contains("class=\"cell h0\""))
    }
}
