import Foundation
import MLEngine
import Testing
@testable import NotebookRunner

@Suite struct CheckTests {
    /// What `check` said, with the sandbox's folder taken out of the paths.
    struct Checked {
        var exitCode: Int32
        var diagnostics: [String]
    }

    func check(_ notebook: String) throws -> Checked {
        let sandbox = try Sandbox()
        try sandbox.write("a,b,y\n1,x,yes\n2,z,no\n", to: "data/d.csv")
        try sandbox.write(notebook, to: "nb.md")
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md"))
        let prefix = sandbox.root + "/"
        return Checked(
            exitCode: outcome.exitCode, diagnostics: outcome.diagnostics.map(\.description).map { $0.replacingOccurrences(of: prefix, with: "") })
    }

    @Test func everyProblemIsReportedWithItsPlace() throws {
        let outcome = try check(String.notebook(
            "```load", "name: census", "from: data/d.csv", "target: y", "positive: \"yes\"", "splt: {test: 0.2}", "```",
            "```train", "name: tree", "data: cenus", "model: decision_tre", "```",
            "```train", "name: tree2", "data: census", "model: decision_tree", "params: {max_dept: 3, min_samples_leaf: 0}", "```",
            "```evaluate", "models: [tre]", "```",
            "```monitor", "model: tree2", "current: data/missing.csv", "```"))
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics == [
            "nb.md:6:1: error: unknown key `splt` in `load`\n 6 | splt: {test: 0.2}\n   | ^\n did you mean `split`?",
            "nb.md:10:7: error: unknown dataset `cenus`\n 10 | data: cenus\n    |       ^\n did you mean `census`?",
            "nb.md:11:8: error: `model` must be one of \((ModelKind.allCases.map(\.rawValue) + ["auto"]).joined(separator: ", ")); got `decision_tre`\n 11 | model: decision_tre\n    |        ^\n did you mean `decision_tree`?",
            "nb.md:17:10: error: `decision_tree` has no parameter `max_dept`\n 17 | params: {max_dept: 3, min_samples_leaf: 0}\n    |          ^\n did you mean `max_depth`?",
            "nb.md:17:41: error: parameter \"min_samples_leaf\" must be an integer >= 1; got 0\n 17 | params: {max_dept: 3, min_samples_leaf: 0}\n    |                                         ^",
            "nb.md:20:10: error: unknown model `tre`\n 20 | models: [tre]\n    |          ^\n did you mean `tree`?",
            "nb.md:24:10: error: cannot find data file `data/missing.csv` (relative to the notebook)\n 24 | current: data/missing.csv\n    |          ^",
        ])
    }

    @Test func unknownExploreItemsSuggestTheClosest() throws {
        let outcome = try check(String.notebook(
            "```load", "name: census", "from: data/d.csv", "```",
            "```explore", "data: census", "show: [sumary, histgram(a)]", "```"))
        #expect(outcome.diagnostics.map { $0.components(separatedBy: "\n").last ?? "" } == [" did you mean `summary`?", " did you mean `histogram`?"])
        #expect(outcome.diagnostics.first?.hasPrefix("nb.md:7:8: error: unknown `show` item `sumary`") == true)
    }

    @Test func badPreprocessingIsLocated() throws {
        let outcome = try check(String.notebook(
            "```load", "name: census", "from: data/d.csv", "target: y", "positive: \"yes\"", "```",
            "```train", "name: m", "data: census", "model: decision_tree", "preprocessing: {numeric: {scaling: robust}}", "```"))
        #expect(outcome.diagnostics.map { $0.components(separatedBy: "\n")[0] } == [
            "nb.md:11:16: error: `preprocessing`: unknown scaling `robust`; use auto, none, standard or min_max"
        ])
    }

    @Test func columnNamesAreCheckedAgainstTheHeaders() throws {
        let outcome = try check(String.notebook(
            "```load", "name: census", "from: data/d.csv", "target: why", "types: {bb: categorical}", "split: {test: 0.5}", "```",
            "```explore", "data: census.train", "show: [histogram(aa), target_rate(b)]", "```",
            "```train", "name: m", "data: census", "model: decision_tree", "features: [a, c]", "target: y", "```",
            "```monitor", "model: m", "current: data/d.csv", "features: [a, bee]", "```"))
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.map { $0.components(separatedBy: "\n")[0] } == [
            "nb.md:4:9: error: `why` is not a column of `data/d.csv`",
            "nb.md:5:9: error: `bb` is not a column of `data/d.csv`",
            "nb.md:10:8: error: `aa` is not a column of `data/d.csv`",
            "nb.md:16:15: error: `c` is not a column of `data/d.csv`",
            "nb.md:22:15: error: `bee` is not a column of `data/d.csv`",
        ])
        #expect(outcome.diagnostics[0].hasSuffix("did you mean `y`?") || outcome.diagnostics[0].hasSuffix("its columns: a, b, y"))
        #expect(outcome.diagnostics[4].hasSuffix("did you mean `b`?") || outcome.diagnostics[4].contains("its columns: a, b, y"))
    }

    @Test func anUnreadableHeaderIsLocated() throws {
        let sandbox = try Sandbox()
        try sandbox.write("\"a,b\n1,2\n", to: "data/broken.csv")
        try sandbox.write(String.notebook("```load", "name: d", "from: data/broken.csv", "```"), to: "nb.md")
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md"))
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.first?.description.contains("error: cannot read the header: data/broken.csv:1: a quoted field opens on this line but is never closed") == true)
    }

    @Test func aValidNotebookPasses() throws {
        let outcome = try check(String.notebook("```load", "name: census", "from: data/d.csv", "```"))
        #expect(outcome.exitCode == 0)
        #expect(outcome.diagnostics == [])
    }

    @Test func anInvalidNotebookRunsNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.write("```load\nname: x\nfrom: data/nope.csv\n```\n", to: "nb.md")
        let outcome = Runner.run(RunOptions(notebookPath: sandbox.root + "/nb.md", outputDirectory: sandbox.root + "/reports"))
        #expect(outcome.exitCode == 2)
        #expect(outcome.steps.isEmpty)
        #expect(!sandbox.exists("reports/nb.md"))
    }
}

@Suite struct ParameterFileCheckTests {
    @Test func aBadParameterFileIsALocatedErrorAndExitsTwo() throws {
        let sandbox = try Sandbox()
        try sandbox.write(String.notebook("---", "params:", "  depth: 3", "---", "Text."), to: "nb.md")
        try sandbox.write("depth: [1]\n", to: "p.yaml")
        var options = RunOptions(notebookPath: sandbox.root + "/nb.md", outputDirectory: sandbox.root + "/reports")
        options.parameterFile = sandbox.root + "/p.yaml"
        let checked = Runner.check(options)
        #expect(checked.exitCode == 2)
        #expect(checked.diagnostics.map(\.description).map { $0.replacingOccurrences(of: sandbox.root + "/", with: "") } == [
            "p.yaml:1:8: error: `depth` is int; got a list\n 1 | depth: [1]\n   |        ^"
        ])
        #expect(Runner.run(options).exitCode == 2)
        #expect(!sandbox.exists("reports"))
        options.parameterFile = sandbox.root + "/missing.yaml"
        #expect(Runner.check(options).diagnostics.map(\.description) == ["\(sandbox.root)/missing.yaml: error: cannot read the parameter file: no such file"])
        try sandbox.write("depth: 7\n", to: "p.yaml")
        options.parameterFile = sandbox.root + "/p.yaml"
        #expect(Runner.run(options).exitCode == 0)
        #expect(try sandbox.read("reports/nb.md").contains("depth=7"))
    }
}

@Suite struct CheckSemanticsTests {
    func check(_ notebook: String) throws -> [String] {
        try CheckTests().check(notebook).diagnostics.map { $0.components(separatedBy: "\n")[0] + ($0.components(separatedBy: "\n").last.map { $0.hasPrefix(" did") ? " |" + $0 : "" } ?? "") }
    }

    @Test func anUnknownGoalMetricIsLocatedWithAHint() throws {
        #expect(try check(.notebook("---", "metric: acuracy", "---", "Prose.")) == [
            "nb.md:2:9: error: unknown metric `acuracy`; the goal metric is one of \(MetricCatalog.scalar.joined(separator: ", ")) | did you mean `accuracy`?"
        ])
        #expect(try check(.notebook("---", "metric: auc", "---", "Prose.")).first?.hasSuffix("| did you mean `roc_auc`?") == true)
    }

    @Test func evaluateWithNoModelsIsAnError() throws {
        let diagnostics = try check(.notebook(
            "```load", "name: d", "from: data/d.csv", "target: y", "```",
            "```train", "name: m", "data: d", "model: decision_tree", "```",
            "```evaluate", "models: []", "data: d", "```"))
        #expect(diagnostics == ["nb.md:12:9: error: `models` names no model; list the models to evaluate, e.g. `models: [tree]`"])
    }
}

@Suite struct TrainCheckTests {
    @Test func trainingWithoutATargetOrOnTheTestPartIsAnError() throws {
        let noTarget = try CheckTests().check(.notebook(
            "```load", "name: d", "from: data/d.csv", "```", "```train", "name: m", "data: d", "model: decision_tree", "```"))
        #expect(noTarget.diagnostics.map { $0.components(separatedBy: "\n")[0] } == [
            "nb.md:7:7: error: `d` has no target: give its `load` a `target` (and `positive` for one class against the rest), or give `train` a `target`"
        ])
        let onTest = try CheckTests().check(.notebook(
            "```load", "name: d", "from: data/d.csv", "target: y", "split: {test: 0.5}", "```",
            "```train", "name: m", "data: d.test", "model: decision_tree", "```"))
        #expect(onTest.diagnostics.map { $0.components(separatedBy: "\n")[0] } == [
            "nb.md:9:7: error: `d.test` is the held-out part: training on it leaves nothing to evaluate on; use `d` (its train part) or `d.train`"
        ])
        let withTarget = try CheckTests().check(.notebook(
            "```load", "name: d", "from: data/d.csv", "```", "```train", "name: m", "data: d", "target: y", "model: decision_tree", "```"))
        #expect(withTarget.diagnostics == [])
    }
}

@Suite struct ReadScopeTests {
    func notebook(from path: String) -> String {
        .notebook("```load", "name: d", "from: \(path)", "```")
    }

    @Test func readsOutsideTheNotebookFolderAreRefusedUnlessAllowed() throws {
        let sandbox = try Sandbox()
        try sandbox.write("a,b,y\n1,x,yes\n", to: "data/d.csv")
        let outside = NSTemporaryDirectory() + "labbook-outside-\(UUID().uuidString).csv"
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: outside))
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: sandbox.root + "/data/link.csv", withDestinationPath: outside)
        let message = "is outside the notebook's folder; Labbook reads data only from there unless you pass `--allow-read PATH`"
        for path in ["../../../../../../etc/passwd", outside, "data/link.csv"] {
            try sandbox.write(notebook(from: path), to: "nb.md")
            let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md"))
            #expect(outcome.exitCode == 2)
            #expect(outcome.diagnostics.map(\.headline) == ["\(sandbox.root)/nb.md:3:7: error: `\(path)` \(message)"])
            var allowed = RunOptions(notebookPath: sandbox.root + "/nb.md")
            allowed.allowedReads = [path == "../../../../../../etc/passwd" ? "/etc/passwd" : outside]
            #expect(!Runner.check(allowed).diagnostics.contains { $0.message.contains("outside") })
        }
        try sandbox.write(notebook(from: "data/d.csv"), to: "nb.md")
        #expect(Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md")).exitCode == 0)
    }
}

@Suite struct PositiveClassCheckTests {
    @Test func aPositiveClassAbsentFromTheTargetIsLocated() throws {
        let checked = try CheckTests().check(.notebook(
            "```load", "name: d", "from: data/d.csv", "target: y", "positive: \"maybe\"", "```"))
        #expect(checked.exitCode == 2)
        #expect(checked.diagnostics.map { $0.components(separatedBy: "\n")[0] } == [
            "nb.md:5:11: error: positive class \"maybe\" does not occur in column `y`; values are: \"no\", \"yes\""
        ])
        #expect(try CheckTests().check(.notebook(
            "```load", "name: d", "from: data/d.csv", "target: y", "positive: \"yes\"", "```")).diagnostics == [])
    }
}
