import Foundation
import Testing
@testable import NotebookRunner
import Reports

@Suite struct SweepTests {
    static let notebook = String.notebook(
        "---", "params:", "  depth: 3", "  cut: 0.5", "---",
        "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"", "split: {test: 0.25}", "```",
        "```train", "name: m", "data: workers", "model: decision_tree", "params: {max_depth: \"${depth}\"}", "```",
        "```evaluate", "models: [m]", "metrics: [accuracy, log_loss]", "threshold: \"${cut}\"", "```")

    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 300), to: "data/workers.csv")
        try sandbox.write(Self.notebook, to: "notebook.md")
        return sandbox
    }

    func options(_ sandbox: Sandbox) -> RunOptions {
        RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
    }

    @Test func assignmentsAreTheCrossProductFirstAxisSlowest() throws {
        let sweep = try Sweep(arguments: ["a=1,2", "b=x,y"])
        #expect(sweep.assignments.map { $0.map { "\($0.name)=\($0.value)" }.joined(separator: ",") } == ["a=1,b=x", "a=1,b=y", "a=2,b=x", "a=2,b=y"])
        #expect(throws: Sweep.ArgumentError.self) { try Sweep(arguments: ["a"]) }
        #expect(throws: Sweep.ArgumentError.self) { try Sweep(arguments: ["a=1,,2"]) }
        #expect(throws: Sweep.ArgumentError.self) { try Sweep(arguments: ["a=1", "a=2"]) }
    }

    @Test func reportNamesAreSafeFileNames() {
        #expect(Sweep.reportName(notebook: "income", assignment: [("depth", "3"), ("label", "a/b c")]) == "income--depth=3,label=a_b_c")
        #expect(Sweep.reportName(notebook: "nb", assignment: [("x", "../é")]) == "nb--x=..__")
    }

    @Test func eachRunWritesItsOwnReportsAndTheComparisonLinksThem() throws {
        let sandbox = try sandbox()
        var finished: [String] = []
        let outcome = Runner.sweep(options(sandbox), sweep: try Sweep(arguments: ["depth=1,4", "cut=0.4,0.6"])) {
            finished.append($0.reportName)
        }
        #expect(outcome.diagnostics == [])
        #expect(outcome.exitCode == 0)
        let names = [
            "notebook--depth=1,cut=0.4", "notebook--depth=1,cut=0.6", "notebook--depth=4,cut=0.4", "notebook--depth=4,cut=0.6",
        ]
        #expect(finished == names)
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/reports").sorted()
        let perRun: [String] = names.flatMap { name -> [String] in [name + ".html", name + ".md", name + ".run.json"] }
        let expected: [String] = (perRun + ["notebook.sweep.html", "notebook.sweep.md"]).sorted()
        #expect(files == expected)
        #expect(outcome.reportPaths.map { ($0 as NSString).lastPathComponent } == ["notebook.sweep.html", "notebook.sweep.md"])
        let markdown = try sandbox.read("reports/notebook.sweep.md")
        #expect(markdown.contains("| depth | cut | exit | m accuracy | m average_precision | m balanced_accuracy | m brier | m f1 | m log_loss | m precision | m recall | m roc_auc | html | md |"))
        #expect(markdown.contains("[report](notebook--depth=4,cut=0.6.md)"))
        let html = try sandbox.read("reports/notebook.sweep.html")
        #expect(html.contains("<a href=\"notebook--depth=1,cut=0.4.html\">report</a>"))
        #expect(try sandbox.read("reports/notebook--depth=4,cut=0.6.md").contains("depth=4, cut=0.6"))
    }

    @Test func anInvalidValueRunsNothing() throws {
        let sandbox = try sandbox()
        let outcome = Runner.sweep(options(sandbox), sweep: try Sweep(arguments: ["depth=3,deep"]))
        #expect(outcome.exitCode == 2)
        #expect(outcome.runs.isEmpty)
        #expect(outcome.diagnostics.map(\.description).map { $0.replacingOccurrences(of: sandbox.root + "/", with: "") } == [
            "notebook.md:1:1: error: --sweep depth=deep: `depth` is int, and `deep` is not\n 1 | ---\n   | ^"
        ])
        #expect(!sandbox.exists("reports"))
    }

    @Test func theComparisonTableHighlightsTheBestValueOfEachMetric() {
        func run(_ depth: String, exit: Int32, _ metrics: [String: Double]) -> SweepOutcome.Run {
            var outcome = RunOutcome(exitCode: exit, diagnostics: [], steps: [], reportPaths: [], timingNotes: [], seconds: 0)
            outcome.evaluations = metrics.isEmpty ? [] : [.init(model: "tree", metrics: metrics)]
            return .init(assignment: [("depth", depth)], reportName: "nb--depth=\(depth)", outcome: outcome)
        }
        let table = SweepReport.comparison(
            sweep: Sweep(axes: [.init(name: "depth", values: ["2", "4", "8"])]),
            runs: [
                run("2", exit: 0, ["roc_auc": 0.80, "log_loss": 0.30]),
                run("4", exit: 0, ["roc_auc": 0.90, "log_loss": 0.35]),
                run("8", exit: 1, [:]),
            ])
        #expect(table.columns.map(\.name) == ["depth", "exit", "tree log_loss", "tree roc_auc", "html", "md"])
        #expect(table.rows[0] == [.text("2"), .integer(0), .number(0.30, decimals: 4), .number(0.80, decimals: 4),
                                  .link("report", url: "nb--depth=2.html"), .link("report", url: "nb--depth=2.md")])
        #expect(table.rows[2][2] == .missing)
        #expect(table.highlightedCells == [CellPosition(row: 0, column: 2), CellPosition(row: 1, column: 3)])
        let markdown = MarkdownRenderer.render(Report(title: "t", blocks: [.directive(DirectiveSection(kind: "sweep", source: "", location: "nb.md", outputs: [.table(table)]))]))
        #expect(markdown.contains("| 2 | 0 | **0.3000** | 0.8000 | [report](nb--depth=2.html) | [report](nb--depth=2.md) |"))
    }
}
