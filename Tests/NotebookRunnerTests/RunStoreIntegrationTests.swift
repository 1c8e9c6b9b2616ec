import Foundation
import Testing
@testable import NotebookRunner
import RunStorage

/// The run store, the provenance manifest and the history section, end to end.
@Suite struct RunStoreIntegrationTests {
    static let smallNotebook = String.notebook(
        "---", "title: Small", "metric: roc_auc", "seed: 5", "params:", "  depth: 3", "---",
        "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"", "split: {test: 0.25}", "```", "",
        "```train", "name: tree", "data: workers", "model: decision_tree", "params: {max_depth: \"${depth}\"}", "```", "",
        "```evaluate", "models: [tree]", "metrics: [accuracy, roc_auc]", "```")

    func makeSandbox(_ notebook: String = RunnerTests.fullNotebook) throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 400), to: "data/workers.csv")
        try sandbox.write(Sandbox.workersCSV(rows: 200, shift: 3), to: "data/current.csv")
        try sandbox.write(notebook, to: "notebook.md")
        return sandbox
    }

    @Test func aRunIsRecordedWithItsStepsMetricsAndDeployments() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(overrides: [("depth", "4")]).exitCode == 0)
        let runs = try RunStore(path: sandbox.root + "/.labbook/labbook.sqlite").runs()
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.status == .finished && run.exitCode == 0)
        #expect(!run.notebookPath.isEmpty && run.notebookHash.hasPrefix("sha256:"))
        #expect(run.parameters == [RunParameter(name: "depth", value: "4")])
        #expect(run.seed == 3 && run.keyMetric == "roc_auc")
        #expect(run.steps.map(\.kind) == ["load", "explore", "train", "train", "evaluate", "deploy", "monitor"])
        #expect(run.steps.allSatisfy { $0.status == .ran && $0.peakMemoryBytes > 0 })
        #expect(run.inputs.map(\.path) == ["data/workers.csv", "data/current.csv"])
        #expect(Set(run.metrics.map(\.model)) == ["tree", "logistic"])
        #expect(run.metrics.allSatisfy { $0.dataset == "workers.test" })
        #expect(run.metrics.contains { $0.model == "tree" && $0.metric == "roc_auc" })
        #expect(run.deployments == [RunDeployment(name: "workers-model", version: 1)])
        #expect(run.driftVerdicts.count == 1 && run.driftVerdicts[0].reference == "workers.train")
    }

    @Test func theManifestHoldsTheRunAndIsByteStable() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run().exitCode == 0)
        let first = try sandbox.read("reports/notebook.run.json")
        #expect(sandbox.run().exitCode == 0)
        #expect(try sandbox.read("reports/notebook.run.json") == first)
        #expect(!first.contains(sandbox.root))
        let json = try #require(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(json["format_version"] as? Int == 1)
        #expect(json["seed"] as? Int == 3)
        #expect(json["exit_code"] as? Int == 0)
        #expect(json["engine_version"] as? String != nil)
        #expect((json["params"] as? [String: Any])?["depth"] as? Int == 3)
        let notebook = try #require(json["notebook"] as? [String: String])
        #expect(notebook["sha256"]?.hasPrefix("sha256:") == true)
        let inputs = try #require(json["inputs"] as? [[String: String]])
        #expect(inputs.map { $0["path"] } == ["data/workers.csv", "data/current.csv"])
        let directives = try #require(json["directives"] as? [[String: Any]])
        #expect(directives.map { $0["kind"] as? String } == ["load", "explore", "train", "train", "evaluate", "deploy", "monitor"])
        #expect(directives.allSatisfy { $0["status"] as? String == "succeeded" })
        let metrics = try #require(json["metrics"] as? [String: [String: [String: Double]]])
        #expect(metrics["tree"]?["workers.test"]?["roc_auc"] != nil)
        #expect(metrics["logistic"]?["workers.test"]?.keys.sorted() == [
            "accuracy", "average_precision", "balanced_accuracy", "brier", "f1", "log_loss", "precision", "recall", "roc_auc",
        ])
        let deployments = try #require(json["deployments"] as? [String: [String: Any]])
        #expect(deployments["workers-model"]?["version"] as? Int == 1)
        let drift = try #require(json["drift"] as? [[String: Any]])
        #expect(drift.count == 1 && drift[0]["drifted"] as? Bool != nil)
        // Keys are sorted at every level.
        #expect(first.hasPrefix("{\n  \"deployments\": {"))
        #expect(try sandbox.read("reports/notebook.md").contains("- **manifest:** [notebook.run.json](notebook.run.json)"))
        #expect(try sandbox.read("reports/notebook.html").contains("<a href=\"notebook.run.json\">notebook.run.json</a>"))
    }

    @Test func aFailedRunStillWritesItsManifest() throws {
        let sandbox = try makeSandbox(Self.smallNotebook.replacingOccurrences(of: "data/workers.csv", with: "data/broken.csv"))
        try sandbox.write("x,z,color,y\n1,2,red\n", to: "data/broken.csv")
        #expect(sandbox.run().exitCode == 1)
        let manifest = try sandbox.read("reports/notebook.run.json")
        #expect(manifest.contains("\"exit_code\": 1"))
        #expect(manifest.contains("\"status\": \"failed\""))
        #expect(manifest.contains("\"status\": \"skipped\""))
        let run = try #require(try RunStore(path: sandbox.root + "/.labbook/labbook.sqlite").runs().first)
        #expect(run.exitCode == 1 && run.count(.failed) == 1 && run.count(.skipped) == 2)
    }

    @Test func theHistorySectionAppearsFromTheSecondRun() throws {
        let sandbox = try makeSandbox(Self.smallNotebook)
        #expect(sandbox.run().exitCode == 0)
        let firstHTML = try sandbox.read("reports/notebook.html")
        let firstMarkdown = try sandbox.read("reports/notebook.md")
        #expect(!firstHTML.contains("id=\"history\""))
        #expect(sandbox.run(overrides: [("depth", "2")]).exitCode == 0)
        #expect(sandbox.run().exitCode == 0)
        let html = try sandbox.read("reports/notebook.html")
        #expect(html.contains("<section class=\"history\" id=\"history\">"))
        #expect(html.contains("<h2>History</h2>"))
        #expect(html.contains("#3 (this run)"))
        #expect(html.contains(">#1<") && html.contains(">#2<"))
        // The Markdown report never shows history, so it is the same as the first run's.
        #expect(try sandbox.read("reports/notebook.md") == firstMarkdown)
        // Without the history section, the HTML is the first run's.
        #expect(Self.removingHistory(html) == firstHTML)
    }

    @Test func aStoreThatCannotBeOpenedCostsAWarningNotTheReport() throws {
        let sandbox = try makeSandbox(Self.smallNotebook)
        try sandbox.write("not a folder", to: "blocker")
        let outcome = Runner.run(
            RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports",
                       stateDirectory: sandbox.root + "/blocker/state"))
        #expect(outcome.exitCode == 0)
        #expect(outcome.diagnostics.count == 1 && outcome.diagnostics[0].description.contains("warning: the run is not recorded"))
        #expect(sandbox.exists("reports/notebook.html") && sandbox.exists("reports/notebook.run.json"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: RunStoreIntegrationTests.labbook), "build the labbook binary first (swift build)"))
    func twoProcessesRunningAtOnceLoseNoRun() throws {
        let sandbox = try makeSandbox(Self.smallNotebook)
        let store = sandbox.root + "/shared.sqlite"
        let perProcess = 4
        let processes = try (0..<2).map { index -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.labbook)
            process.arguments = ["run"] + Array(repeating: sandbox.root + "/notebook.md", count: perProcess)
                + ["--out", sandbox.root + "/reports-\(index)", "--store", store]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, errors)
        }
        for (process, errors) in processes {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(!text.contains("locked") && !text.contains("warning"), "\(text)")
        }
        let runs = try RunStore(path: store).runs()
        #expect(runs.count == 2 * perProcess)
        #expect(runs.allSatisfy { $0.status == .finished && $0.exitCode == 0 && $0.steps.count == 3 && $0.metrics.count == 9 })
        #expect(Set(runs.map(\.process.pid)).count == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: RunStoreIntegrationTests.labbook), "build the labbook binary first (swift build)"))
    func compareCommandPrintsTheDiff() throws {
        let sandbox = try makeSandbox(Self.smallNotebook)
        let store = sandbox.root + "/runs.sqlite"
        for depth in ["3", "1"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.labbook)
            process.arguments = ["run", sandbox.root + "/notebook.md", "--out", sandbox.root + "/reports", "--store", store, "-p", "depth=\(depth)"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.labbook)
        process.arguments = ["compare", "1", "2", "--store", store]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("Params (run 1 → run 2)\nname   old  new\ndepth  3    1\n\nMetrics (run 1 → run 2)\nmodel  data          metric"))
        #expect(text.contains("tree   workers.test  roc_auc"))
    }

    /// The debug `labbook` binary next to the tests' build products.
    static let labbook = DemoNotebookTests.packageRoot + "/.build/debug/labbook"

    /// The HTML report without its history section…
    static func removingHistory(_ html: String) -> String {
        guard let start = html.range(of: "<section class=\"history\" id=\"history\">"),
            let end = html.range(of: "</section>\n", range: start.upperBound..<html.endIndex)
        else { return html }
        var text = html
        text.removeSubrange(start.lowerBound..<end.upperBound)
        // …and its entry at the end of the table of contents.
        return text.replacingOccurrences(of: "<li><a href=\"#history\">History</a></li>\n", with: "")
    }
}
