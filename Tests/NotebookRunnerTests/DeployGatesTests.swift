import Foundation
import MLEngine
import Testing
@testable import NotebookRunner

/// `deploy` with gates: the alias moves only when every gate passes; a failed gate is exit 3,
/// the version stays registered, and the report says why.
@Suite struct DeployGatesTests {
    static func notebook(deploy: [String], model: String = "logistic_regression") -> String {
        (["---", "title: Gates", "seed: 3", "---",
             "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"",
             "split: {test: 0.25, stratify: true}", "```",
             "```train", "name: candidate", "data: workers", "model: \(model)", "```",
             "```evaluate", "models: [candidate]", "```",
             "```deploy", "model: candidate", "as: workers-model", "alias: production"] + deploy + ["```"]).joined(separator: "\n") + "\n"
    }

    func sandbox(_ notebook: String) throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 400), to: "data/workers.csv")
        try sandbox.write(notebook, to: "notebook.md")
        return sandbox
    }

    func registry(_ sandbox: Sandbox) -> ModelRegistry { ModelRegistry(root: sandbox.root + "/.labbook/registry") }

    @Test func passingGatesMoveTheAliasAndShowATable() throws {
        let sandbox = try sandbox(Self.notebook(deploy: ["require: {roc_auc: \">= 0.5\", size_mb: \"<= 5\", latency_p99_us: \"<= 1000000\"}"]))
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0)
        #expect(try registry(sandbox).version(ofAlias: "production", name: "workers-model") == 1)
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("Deployment gates"))
        #expect(markdown.contains("| latency_p99_us | <= 1000000 | measured on this machine | pass |"))
        #expect(markdown.contains("Every gate passed: `production` now points at version 1."))
        let history = try registry(sandbox).aliasHistory("production", name: "workers-model")
        #expect(history.last?.by["notebook"]?.hasSuffix("notebook.md") == true)
        #expect(history.last?.by["run"] != nil)
    }

    @Test func aFailedGateIsExitThreeAndLeavesTheAliasAlone() throws {
        let sandbox = try sandbox(Self.notebook(deploy: ["require: {roc_auc: \">= 0.5\"}"]))
        #expect(sandbox.run().exitCode == 0)
        try sandbox.write(
            Self.notebook(deploy: ["require: {roc_auc: \">= 0.9999\"}"], model: "decision_tree"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 3)
        #expect(outcome.steps.last?.status == .failed)
        #expect(outcome.steps.last?.message?.hasPrefix("expectation not met: deployment gate not met: roc_auc") == true)
        #expect(try registry(sandbox).versions(of: "workers-model") == [1, 2])
        #expect(try registry(sandbox).version(ofAlias: "production", name: "workers-model") == 1)
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("Not promoted: roc_auc failed; version 2 is registered, and `production` stays where it was."))
    }

    @Test func aChallengerMustBeatTheChampionOnTheSameData() throws {
        let sandbox = try sandbox(Self.notebook(deploy: []))
        #expect(sandbox.run().exitCode == 0)
        // A one-level tree is worse than the logistic champion: not promoted.
        try sandbox.write(
            Self.notebook(deploy: ["beat: {alias: production, margin: 0.001}"], model: "decision_tree")
                .replacingOccurrences(of: "model: decision_tree", with: "model: decision_tree\nparams: {max_depth: 1}"),
            to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 3)
        #expect(try registry(sandbox).version(ofAlias: "production", name: "workers-model") == 1)
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("| beat \\`production\\` | roc_auc on \\`workers.test\\` higher than version 1 by 0.001 | 0.8110 vs 0.9486 | fail |"))
    }

    @Test func withoutAChampionTheBeatGatePasses() throws {
        let sandbox = try sandbox(Self.notebook(deploy: ["beat: production"]))
        #expect(sandbox.run().exitCode == 0)
        #expect(try sandbox.read("reports/notebook.md").contains("no version is \\`production\\` yet"))
    }

    @Test func badGatesAreLocatedByCheck() throws {
        let sandbox = try sandbox(Self.notebook(deploy: ["require: {auc: \">= 0.8\", size_mb: big}", "beat: {alias: production, metric: nope}"]))
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/notebook.md"))
        #expect(outcome.exitCode == 2)
        let messages = outcome.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("cannot require `auc`") })
        #expect(outcome.diagnostics.contains { $0.hint == "did you mean `roc_auc`?" })
        #expect(messages.contains("a requirement is a comparison such as \">= 0.85\""))
        #expect(messages.contains { $0.contains("`metric`") })
    }
}
