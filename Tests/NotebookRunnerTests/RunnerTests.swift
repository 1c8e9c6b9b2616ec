import Foundation
import Testing
@testable import NotebookRunner

@Suite struct RunnerTests {
    static let fullNotebook = String.notebook(
        "---", "title: Workers", "metric: roc_auc", "goal: \">= 0.7\"", "seed: 3", "params:", "  depth: 3", "---",
        "Some **prose** with [a link][ref].", "",
        "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"",
        "split: {test: 0.25, stratify: true}", "```", "",
        "```explore", "data: workers", "show: [summary, missing, warnings, outliers, target, histogram(x), target_rate(color), correlations, associations, importance]", "```", "",
        "```train", "name: tree", "data: workers", "model: decision_tree", "params: {max_depth: \"${depth}\"}", "```", "",
        "```train", "name: logistic", "data: workers", "model: logistic_regression",
        "preprocessing: {numeric: {imputation: median, scaling: min_max}, categorical: {max_categories: 2}}", "```", "",
        "```evaluate", "models: [tree, logistic]", "```", "",
        "```deploy", "model: logistic", "as: workers-model", "alias: production", "```", "",
        "```monitor", "model: workers-model", "current: data/current.csv", "```", "",
        "[ref]: https://example.org")

    func makeSandbox(notebook: String = RunnerTests.fullNotebook) throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 400), to: "data/workers.csv")
        try sandbox.write(Sandbox.workersCSV(rows: 200, shift: 3), to: "data/current.csv")
        try sandbox.write(notebook, to: "notebook.md")
        return sandbox
    }

    @Test func allSixDirectivesRunAndWriteBothReports() throws {
        let sandbox = try makeSandbox()
        let outcome = sandbox.run()
        #expect(outcome.diagnostics == [])
        #expect(outcome.exitCode == 0)
        #expect(outcome.steps.map(\.kind) == ["load", "explore", "train", "train", "evaluate", "deploy", "monitor"])
        #expect(outcome.steps.allSatisfy { $0.status == .ran })
        let markdown = try sandbox.read("reports/notebook.md")
        let html = try sandbox.read("reports/notebook.html")
        #expect(markdown.contains("Some **prose** with [a link][ref]."))
        #expect(html.contains("<a href=\"https://example.org\">a link</a>"))
        #expect(markdown.contains("roc_auc"))
        #expect(markdown.contains("{\"numeric\":{\"imputation\":\"median\",\"scaling\":\"min_max\"}"))
        for title in ["Summary", "Share of `y` = yes by `color`", "Pearson correlation", "Cramér's V", "Mutual information with `y`",
                      "Permutation importance", "Outliers by the IQR rule"] {
            #expect(markdown.contains(title), "missing \(title)")
        }
        #expect(markdown.contains("sha256:"))
        #expect(!markdown.contains(sandbox.root), "reports must not contain absolute paths")
        #expect(!html.contains(sandbox.root))
        #expect(sandbox.exists(".labbook/registry/workers-model/1/model.json"))
        #expect(sandbox.exists(".labbook/registry/workers-model/1/manifest.json"))
    }

    @Test func rerunIsByteIdenticalAndReusesTheModelVersion() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run().exitCode == 0)
        let first = try (sandbox.read("reports/notebook.md"), sandbox.read("reports/notebook.html"))
        #expect(sandbox.run().exitCode == 0)
        let second = try (sandbox.read("reports/notebook.md"), sandbox.read("reports/notebook.html"))
        #expect(first.0 == second.0)
        // The second HTML report gains the run history; everything else is the same.
        #expect(RunStoreIntegrationTests.removingHistory(second.1) == first.1)
        #expect(second.1.contains("id=\"history\""))
        #expect(!sandbox.exists(".labbook/registry/workers-model/2"))
    }

    @Test func aChangedModelGetsANewVersionAndTheOldOneIsKept() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run().exitCode == 0)
        let original = try sandbox.read(".labbook/registry/workers-model/1/model.json")
        try sandbox.write(Sandbox.workersCSV(rows: 300), to: "data/workers.csv")
        #expect(sandbox.run().exitCode == 0)
        #expect(sandbox.exists(".labbook/registry/workers-model/2/model.json"))
        #expect(try sandbox.read(".labbook/registry/workers-model/1/model.json") == original)
    }

    @Test func aFailedDirectiveSkipsItsDependentsButNotOthers() throws {
        let notebook = String.notebook(
            "```load", "name: broken", "from: data/broken.csv", "target: y", "positive: \"yes\"", "```",
            "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"", "```",
            "```train", "name: tree", "data: broken", "model: decision_tree", "```",
            "```evaluate", "models: [tree]", "data: workers", "```",
            "```explore", "data: workers", "```")
        let sandbox = try makeSandbox(notebook: notebook)
        try sandbox.write("x,z,color,y\n1,2,red,yes\n3,4,blue\n", to: "data/broken.csv")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 1)
        #expect(outcome.steps.map(\.status) == [.failed, .ran, .skipped, .skipped, .ran])
        #expect(outcome.steps[0].message?.hasSuffix("broken.csv:3: row has 3 fields but the header has 4 (columns: x, z, color, y)") == true)
        #expect(outcome.steps[2].message == "needs `broken`, which failed")
        #expect(outcome.steps[3].message == "needs `tree`, which was skipped")
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("row has 3 fields but the header has 4"))
        #expect(markdown.contains("needs `broken`, which failed"))
    }

    @Test func aMissedExpectationExitsWithThree() throws {
        let notebook = String.notebook(
            "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"", "split: {test: 0.3}", "```",
            "```train", "name: tree", "data: workers", "model: decision_tree", "params: {max_depth: 1}", "```",
            "```evaluate", "models: [tree]", "expect: {accuracy: \">= 0.999\"}", "```")
        let sandbox = try makeSandbox(notebook: notebook)
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 3)
        #expect(outcome.steps.last?.message?.hasPrefix("expectation not met: tree: accuracy ") == true)
        #expect(try sandbox.read("reports/notebook.md").contains("Expectations"))
    }

    @Test func aTargetWithOneClassIsAPlainError() throws {
        let notebook = String.notebook(
            "```load", "name: workers", "from: data/one.csv", "target: y", "positive: \"yes\"", "```")
        let sandbox = try makeSandbox(notebook: notebook)
        try sandbox.write("x,y\n1,yes\n2,yes\n", to: "data/one.csv")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 1)
        #expect(outcome.steps[0].message?.contains("only one class") == true)
    }

    @Test func noTemporaryFilesAreLeftBehind() throws {
        let sandbox = try makeSandbox()
        _ = sandbox.run()
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/reports")
        #expect(files.sorted() == ["notebook.html", "notebook.md", "notebook.run.json"])
    }
}

@Suite struct ReportWriteFailureTests {
    @Test("reports that cannot be written exit with 5 and one plain line")
    func reportsNotWritten() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 50), to: "data/workers.csv")
        try sandbox.write(.notebook("```load", "name: workers", "from: data/workers.csv", "```"), to: "notebook.md")
        try sandbox.write("a regular file", to: "blocker")
        let outcome = Runner.run(RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/blocker/reports"))
        #expect(outcome.exitCode == 5)
        #expect(outcome.exitCode == RunOutcome.reportsNotWritten)
        #expect(outcome.diagnostics.map(\.description) == [sandbox.root + "/blocker/reports/notebook.html: error: cannot write the report: Not a directory"])
        #expect(outcome.reportPaths == [])
    }
}
