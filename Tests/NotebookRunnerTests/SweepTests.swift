import Foundation
import Testing
@testable import NotebookRunner
import Reports

@Suite struct SweepTests {
    static let notebook = String.notebook(
        "---", "metric: roc_auc", "goal: \">= 0.6\"", "params:", "  depth: 3", "  cut: 0.5", "---",
        "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"", "split: {test: 0.25}", "```",
        "```train", "name: m", "data: workers", "model: decision_tree", "params: {max_depth: \"${depth}\"}", "```",
        "```train", "name: base", "data: workers", "model: logistic_regression", "features: [z]", "```",
        "```evaluate", "models: [m]", "metrics: [accuracy, log_loss]", "threshold: \"${cut}\"", "```",
        "```evaluate", "models: [base]", "metrics: [roc_auc]", "```")

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
        // `base` (a weak model on a noise column) ignores both parameters: its columns are
        // dropped and named under the table.
        #expect(markdown.contains("| depth | cut | exit | m roc_auc | m accuracy |"))
        #expect(!markdown.contains("base roc_auc"))
        #expect(markdown.contains("Unchanged in every run: `base` (all metrics)."))
        // The threshold does not change roc_auc, so the two runs of each depth tie; the first is named.
        let aucs = outcome.runs.map { $0.outcome.evaluations.first { $0.model == "m" }?.metrics["roc_auc"] ?? .nan }
        #expect(aucs[0] == aucs[1] && aucs[2] == aucs[3] && aucs[0] != aucs[2])
        let top = try #require(aucs.max())
        let best = names[try #require(aucs.firstIndex(of: top))]
        let value = NumberFormat.fixed(top, decimals: 4)
        #expect(markdown.contains(
            "**Best:** [`\(best)`](\(best).md) — m roc_auc \(value) (goal >= 0.6 \(top >= 0.6 ? "met" : "not met")); tied by 1 later run"))
        #expect(markdown.contains("**Goal:** roc_auc >= 0.6 — \(top >= 0.6 ? "✅ met" : "❌ not met"): \(value) (m, \(best))"))
        #expect(markdown.contains("**`roc_auc` of `m` by run**"))
        #expect(markdown.contains("[report](notebook--depth=4,cut=0.6.md)"))
        let html = try sandbox.read("reports/notebook.sweep.html")
        #expect(html.contains("<a href=\"notebook--depth=1,cut=0.4.html\">report</a>"))
        #expect(html.contains("<a href=\"\(best).html\"><code>\(best)</code></a>"))
        #expect(html.contains("<svg"))
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
}
