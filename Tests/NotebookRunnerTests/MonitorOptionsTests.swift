import Foundation
import Testing
import MLEngine
@testable import NotebookRunner

/// `monitor` reads its current data the way the reference was loaded.
@Suite struct MonitorOptionsTests {
    @Test func theCurrentFileIsReadWithTheReferencesOptionsAndTypes() throws {
        let sandbox = try Sandbox()
        var reference = ["zip;size;y"]
        var current = ["zip;size;y"]
        for row in 0..<200 {
            reference.append("\(["A1", "B2", "C3"][row % 3]);\(row % 17);\(row % 2 == 0 ? "yes" : "no")")
            // Every zip of the current file looks like a number: inferred alone, the column would be numeric.
            current.append("\(100 + row % 4);\(row % 17 == 3 ? "-" : String(row % 19));\(row % 3 == 0 ? "yes" : "no")")
        }
        try sandbox.write(reference.joined(separator: "\n") + "\n", to: "data/reference.csv")
        try sandbox.write(current.joined(separator: "\n") + "\n", to: "data/current.csv")
        try sandbox.write(String.notebook(
            "```load", "name: homes", "from: data/reference.csv", "delimiter: \";\"", "missing: [\"-\"]",
            "types: {zip: categorical}", "target: y", "```",
            "```monitor", "reference: homes", "current: data/current.csv", "```"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0, "\(outcome.steps.map { $0.message ?? "" })")
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("| **zip** | categorical | chi-square |") || markdown.contains("| zip | categorical | chi-square |"))
        #expect(markdown.contains("categories never seen in training"))
        #expect(markdown.contains("missing share changed"))
    }
}

/// `monitor`'s drift settings: checked with their places, applied per feature.
@Suite struct MonitorPolicyTests {
    func notebook(_ settings: String...) -> String {
        (["```load", "name: homes", "from: data/reference.csv", "target: y", "```",
          "```monitor", "reference: homes", "current: data/current.csv"] + settings + ["```"]).joined(separator: "\n") + "\n"
    }

    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        var reference = ["city,size,y"]
        var current = ["city,size,y"]
        for row in 0..<300 {
            reference.append("\(["a", "b", "c"][row % 3]),\(row % 40),\(row % 2)")
            current.append("\(["a", "b", "c"][row % 3]),\(row % 40 + 15),\(row % 2)")
        }
        try sandbox.write(reference.joined(separator: "\n") + "\n", to: "data/reference.csv")
        try sandbox.write(current.joined(separator: "\n") + "\n", to: "data/current.csv")
        return sandbox
    }

    @Test func importanceWeightingWeighsTheVerdictByTheModelsImportances() throws {
        let sandbox = try sandbox()
        try sandbox.write(String.notebook(
            "```load", "name: homes", "from: data/reference.csv", "target: y", "```",
            "```train", "name: tree", "data: homes", "model: decision_tree", "params: {max_depth: 3}", "```",
            "```monitor", "model: tree", "current: data/current.csv", "weighting: importance", "```"), to: "nb.md")
        let outcome = Runner.run(RunOptions(notebookPath: sandbox.root + "/nb.md", outputDirectory: sandbox.root + "/reports"))
        #expect(outcome.exitCode == 0, "\(outcome.steps.map { $0.message ?? "" })")
        let markdown = try sandbox.read("reports/nb.md")
        #expect(markdown.contains("of the model's importance)."))
        #expect(markdown.contains("importance-weighted share"))

        try sandbox.write(notebook("weighting: importance"), to: "nb.md")
        let checked = Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md"))
        #expect(checked.diagnostics.map(\.message).contains { $0.hasPrefix("`weighting: importance` needs a `model`") })
    }

    @Test func unknownTestsAndColumnsAreLocatedErrors() throws {
        let sandbox = try sandbox()
        try sandbox.write(notebook("tests: {size: kss, sise: psi}", "thresholds: {size: -1}"), to: "nb.md")
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md"))
        let messages = outcome.diagnostics.map(\.description).map { $0.replacingOccurrences(of: sandbox.root + "/", with: "") }
        #expect(outcome.exitCode == 2)
        #expect(messages.contains { $0.hasPrefix("nb.md:9:15: error: unknown drift test `kss`") && $0.contains("did you mean `ks`?") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("nb.md:9:20: error:") && $0.contains("sise") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("nb.md:10:20: error: a threshold is a number ≥ 0") }, "\(messages)")
    }

    @Test func aTestPerFeatureDecidesItsVerdict() throws {
        let sandbox = try sandbox()
        try sandbox.write(notebook("tests: {size: psi}", "thresholds: {size: 100}"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0)
        let markdown = try sandbox.read("reports/notebook.md")
        // size moved by 15 of 40 values: K–S would flag it; PSI against a threshold of 100 does not.
        #expect(markdown.contains("| size | numeric | PSI |"), "\(markdown)")
        #expect(markdown.contains("| city | categorical | chi-square |"))
        #expect(markdown.contains("No dataset drift"))
        let manifest = try sandbox.read("reports/notebook.run.json")
        #expect(manifest.contains("\"test\" : \"psi\"") || manifest.contains("\"test\": \"psi\""), "\(manifest)")
    }

    @Test func aTestThatDoesNotApplyFailsAtItsKey() throws {
        let sandbox = try sandbox()
        try sandbox.write(notebook("tests: {city: ks}"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode != 0)
        let failure = outcome.steps.compactMap(\.failure).first.map(\.description) ?? ""
        #expect(failure.contains("notebook.md:9:1: error:") || failure.contains(":9:"), "\(failure)")
        #expect(failure.contains("test `ks` needs a numeric feature, but `city` is categorical"), "\(failure)")
    }

    @Test func onDriftFailExitsFourAndStillWritesTheReport() throws {
        let sandbox = try sandbox()
        try sandbox.write(notebook("on_drift: fail"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 4)
        let failure = outcome.steps.compactMap(\.failure).first.map(\.description) ?? ""
        #expect(failure.hasPrefix("notebook.md:9:11: error:"), "\(failure)")
        #expect(failure.contains("data drift: `data/current.csv` drifted from `homes` (`size`)"), "\(failure)")
        #expect(try sandbox.read("reports/notebook.md").contains("Drift detected"))
        try sandbox.write(notebook("on_drift: report"), to: "notebook.md")
        #expect(sandbox.run().exitCode == 0)
    }
}

/// `on_drift: retrain`: the champion's recipe trained again, compared on held-out current rows.
@Suite struct MonitorRetrainTests {
    /// Reference: `y` follows `a`. Current: `a` shifted (drift) and `y` follows `b`, so only a
    /// model that saw current rows ranks them well.
    static func data(rows: Int, current: Bool) -> String {
        var lines = ["a,b,y"]
        for row in 0..<rows {
            let a = Double(row % 37) / 37 + (current ? 0.3 : 0)
            let b = Double(row * 7 % 41) / 41
            let label = current ? b > 0.5 : a > 0.5
            lines.append("\(a),\(b),\(label ? "yes" : "no")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let notebook = String.notebook(
        "---", "seed: 5", "---",
        "```load", "name: d", "from: data/reference.csv", "target: y", "positive: \"yes\"", "```",
        "```train", "name: m", "data: d", "model: logistic_regression", "```",
        "```deploy", "model: m", "as: svc", "alias: production", "```",
        "```monitor", "model: svc", "current: data/current.csv", "on_drift: retrain", "```")

    @Test func theChallengerReplacesTheChampionAndARerunReusesBothVersions() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Self.data(rows: 600, current: false), to: "data/reference.csv")
        try sandbox.write(Self.data(rows: 600, current: true), to: "data/current.csv")
        try sandbox.write(Self.notebook, to: "notebook.md")
        let first = sandbox.run()
        #expect(first.exitCode == 0, "\(first.steps.map { $0.message ?? "" })")
        let report = try sandbox.read("reports/notebook.md")
        #expect(report.contains("The challenger wins"), "\(report)")
        #expect(report.contains("`production` now serves version 2 (retrained)"))
        let registry = ModelRegistry(root: sandbox.root + "/.labbook/registry")
        #expect(try registry.versions(of: "svc") == [1, 2])
        #expect(try registry.aliases(of: "svc")["production"] == 2)
        #expect(try registry.reference(name: "svc", version: 2)?.frame.rowCount == 600 + 420)

        // Executed again from scratch against the same registry: same versions, same report.
        var options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        options.useCache = false
        let second = Runner.run(options)
        #expect(second.exitCode == 0)
        #expect(try registry.versions(of: "svc") == [1, 2])
        #expect(try sandbox.read("reports/notebook.md") == report)
    }

    @Test func retrainNeedsADeployment() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Self.data(rows: 60, current: false), to: "data/reference.csv")
        try sandbox.write(Self.data(rows: 60, current: true), to: "data/current.csv")
        try sandbox.write(Self.notebook.replacingOccurrences(of: "model: svc", with: "model: m"), to: "nb.md")
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md"))
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.contains { $0.message.contains("`on_drift: retrain` needs `model` to name a deployment") })
    }
}
