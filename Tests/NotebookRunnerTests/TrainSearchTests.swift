import Foundation
import MLEngine
import Testing
@testable import NotebookRunner

@Suite("train with search: strategies, budget, leaderboard and errors")
struct TrainSearchTests {
    static func notebook(_ train: String..., metric: String = "roc_auc") -> String {
        String.notebook(
            "---", "metric: \(metric)", "seed: 3", "---",
            "```load", "name: workers", "from: data/w.csv", "target: y", "positive: \"yes\"", "split: {test: 0.25, stratify: true}", "```",
            "```train")
            + train.joined(separator: "\n") + "\n```\n"
            + String.notebook("```evaluate", "models: [tuned]", "metrics: [roc_auc, accuracy]", "```")
    }

    func run(_ notebook: String) throws -> (Sandbox, RunOutcome) {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 600), to: "data/w.csv")
        try sandbox.write(notebook, to: "notebook.md")
        return (sandbox, sandbox.run())
    }

    func searches(_ sandbox: Sandbox) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/reports/notebook.run.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let searches = try #require(manifest["searches"] as? [String: Any])
        return try #require(searches["tuned"] as? [[String: Any]])
    }

    @Test("tpe spends exactly its budget of fits (trials × folds) and reports the leaderboard")
    func tpeBudget() throws {
        let (sandbox, outcome) = try run(Self.notebook(
            "name: tuned", "data: workers", "model: decision_tree",
            "search: {strategy: tpe, budget: {fits: 36}, cv: 3, space: {max_depth: {low: 1, high: 12}, min_samples_leaf: {low: 1, high: 50, log: true}}}"))
        #expect(outcome.exitCode == 0, "\(outcome.steps.compactMap(\.message))")
        let trials = try searches(sandbox)
        #expect(trials.count == 12)
        #expect(trials.filter { $0["best"] as? Bool == true }.count == 1)
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("36 fits: 12 trials × 3 folds, plus 1 refit of the winner"))
        #expect(markdown.contains("Leaderboard of `tuned`: the best 10 of 12 trials"))
        #expect(markdown.contains("roc_auc on 3-fold stratified cross-validation on workers.train"))
        #expect(markdown.contains("The space `tuned` explored"))
        #expect(markdown.contains("`tuned`: roc_auc of each trial and the best so far"))
    }

    @Test("the winner is the leaderboard's first row and the model `evaluate` scores")
    func winnerIsTheModel() throws {
        let (sandbox, outcome) = try run(Self.notebook(
            "name: tuned", "data: workers", "model: decision_tree", "search: {strategy: random, budget: {trials: 6}, holdout: 0.3}"))
        #expect(outcome.exitCode == 0, "\(outcome.steps.compactMap(\.message))")
        let trials = try searches(sandbox)
        let scores = trials.compactMap { $0["mean"] as? Double }
        let best = try #require(trials.first { $0["best"] as? Bool == true })
        #expect(best["mean"] as? Double == scores.max())
        let params = try #require(best["params"] as? [String: String])
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("max_depth=\(params["max_depth"] ?? "?")"))
        #expect(outcome.evaluations.contains { $0.model == "tuned" })
    }

    @Test("reruns give byte-identical reports")
    func reproducible() throws {
        let notebook = Self.notebook(
            "name: tuned", "data: workers", "model: gradient_boosting", "params: {max_iter: 20}",
            "search: {strategy: halving, budget: {trials: 13}, holdout: 0.25, space: {learning_rate: {low: 0.02, high: 0.5, log: true}, max_leaf_nodes: [4, 8, 16]}}")
        let (first, one) = try run(notebook)
        let (second, two) = try run(notebook)
        #expect(one.exitCode == 0 && two.exitCode == 0, "\(one.steps.compactMap(\.message))")
        #expect(try first.read("reports/notebook.md") == second.read("reports/notebook.md"))
        #expect(try first.read("reports/notebook.html") == second.read("reports/notebook.html"))
        #expect(try searches(first).count == 13)
        #expect(try first.read("reports/notebook.md").contains("rungs of 9, 3, 1 candidates"))
    }

    @Test("model: auto tries several model kinds and trains the winner")
    func auto() throws {
        let (sandbox, outcome) = try run(Self.notebook("name: tuned", "data: workers", "model: auto", "search: {budget: {trials: 16}, holdout: 0.25}"))
        #expect(outcome.exitCode == 0, "\(outcome.steps.compactMap(\.message))")
        let kinds = Set(try searches(sandbox).compactMap { $0["model"] as? String })
        #expect(kinds.count >= 2)
        #expect(kinds.isSubset(of: ["gradient_boosting", "random_forest", "logistic_regression", "decision_tree"]))
        #expect(try sandbox.read("reports/notebook.md").contains("auto: trials per model"))
    }

    /// Three classes and a numeric target from one deterministic table.
    static func zooCSV(rows: Int) -> String {
        var lines = ["a,b,kind,size"]
        var state: UInt64 = 99
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<rows {
            let a = next() * 10, b = next() * 10
            let kind = a + (next() - 0.5) * 3 < 3.3 ? "small" : a < 6.6 ? "medium" : "large"
            lines.append("\(String(format: "%.3f", a)),\(String(format: "%.3f", b)),\(kind),\(String(format: "%.3f", 2 * a + b + next()))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("model: auto on a three-class target and on a numeric one")
    func autoMulticlassAndRegression() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Self.zooCSV(rows: 500), to: "data/z.csv")
        try sandbox.write(String.notebook(
            "---", "metric: accuracy", "seed: 5", "---",
            "```load", "name: kinds", "from: data/z.csv", "target: kind", "split: {test: 0.2}", "```",
            "```train", "name: classes", "data: kinds", "model: auto", "search: {budget: {trials: 12}, holdout: 0.25}", "```",
            "```load", "name: sizes", "from: data/z.csv", "target: size", "task: regression", "split: {test: 0.2}", "```",
            "```train", "name: numbers", "data: sizes", "model: auto", "search: {budget: {fits: 24}, cv: 3, metric: rmse}", "```",
            "```evaluate", "models: [classes]", "metrics: [accuracy]", "```",
            "```evaluate", "models: [numbers]", "metrics: [r2]", "```"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0, "\(outcome.steps.compactMap(\.message))")
        let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/reports/notebook.run.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let searches = try #require(manifest["searches"] as? [String: [[String: Any]]])
        let classes = try #require(searches["classes"])
        let numbers = try #require(searches["numbers"])
        #expect(classes.count == 12 && numbers.count == 8)
        #expect(classes.allSatisfy { $0["metric"] as? String == "accuracy" })
        #expect(numbers.allSatisfy { $0["metric"] as? String == "rmse" })
        #expect(!numbers.contains { $0["model"] as? String == "logistic_regression" })
        // rmse is minimised: the winner has the smallest mean.
        let best = try #require(numbers.first { $0["best"] as? Bool == true }?["mean"] as? Double)
        #expect(best == numbers.compactMap { $0["mean"] as? Double }.min())
        let accuracy = try #require(outcome.evaluations.first { $0.model == "classes" }?.metrics["accuracy"])
        #expect(accuracy > 0.6)
        let r2 = try #require(outcome.evaluations.first { $0.model == "numbers" }?.metrics["r2"])
        #expect(r2 > 0.8)
    }

    @Test("mistakes in a search are reported at their place before anything runs")
    func checkErrors() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 50), to: "data/w.csv")
        try sandbox.write(Self.notebook(
            "name: tuned", "data: workers", "model: decision_tree",
            "search:", "  strategy: tpee", "  budget: {fits: 10, trials: 3}", "  space:", "    max_dept: {low: 1, high: 5}",
            "    min_samples_leaf: {low: 0, high: 5}"), to: "notebook.md")
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/notebook.md"))
        let messages = outcome.diagnostics.map { $0.description.replacingOccurrences(of: sandbox.root + "/", with: "").components(separatedBy: "\n")[0] }
        #expect(messages == [
            "notebook.md:17:13: error: `strategy` must be one of grid, random, halving, tpe, auto; got `tpee`",
            "notebook.md:18:30: error: give the budget in `fits` or in `trials`, not both",
            "notebook.md:20:5: error: `decision_tree` has no parameter `max_dept`",
            "notebook.md:21:23: error: `min_samples_leaf`: parameter \"min_samples_leaf\" must be an integer >= 1; got 0",
        ])
    }

    @Test("auto with a one-model strategy, and params with model: auto, are refused")
    func autoErrors() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 50), to: "data/w.csv")
        try sandbox.write(Self.notebook("name: tuned", "data: workers", "model: auto", "params: {max_depth: 3}", "search: {strategy: tpe}"),
                          to: "notebook.md")
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/notebook.md"))
        let messages = outcome.diagnostics.map { $0.message }
        #expect(messages.contains { $0.hasPrefix("`params` belong to one model") })
        #expect(messages.contains { $0.hasPrefix("`model: auto` searches several models") })
    }

    @Test("a metric of the wrong task fails the directive with a clear message")
    func wrongMetric() throws {
        let (_, outcome) = try run(Self.notebook(
            "name: tuned", "data: workers", "model: decision_tree", "search: {strategy: random, budget: {trials: 2}, metric: rmse}"))
        #expect(outcome.exitCode == 1)
        #expect(outcome.steps.first { $0.kind == "train" }?.message?.contains("`rmse` is not a metric of a binary classification task") == true)
    }
}
