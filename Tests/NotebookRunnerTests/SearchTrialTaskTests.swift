import Foundation
import MLEngine
import Testing
@testable import NotebookRunner

/// Search trials scored by other processes, without a cluster: the wire format, the task that
/// scores one trial (`labbook run --trial-of`), and a run whose trials all go through tasks.
@Suite("search trials scored as tasks")
struct SearchTrialTaskTests {
    static let notebook = String.notebook(
        "---", "metric: roc_auc", "seed: 3", "---",
        "```load", "name: workers", "from: data/w.csv", "target: y", "positive: \"yes\"", "split: {test: 0.25, stratify: true}", "```",
        "```train", "name: base", "data: workers", "model: logistic_regression", "features: [z]", "```",
        "```train", "name: tuned", "data: workers", "model: gradient_boosting",
        "search: {strategy: random, budget: {trials: 4}, cv: 3}", "```",
        "```train", "name: tree", "data: workers", "model: decision_tree",
        "search: {strategy: tpe, budget: {trials: 3}, holdout: 0.3}", "```",
        "```evaluate", "models: [tuned, tree]", "metrics: [roc_auc, accuracy]", "```")

    /// Scores every request as a Slurm task would: a batch file, then one in-process
    /// `Runner.scoreSearchTrial` per trial, then the results read back.
    struct TaskExecutor: SearchTrialExecutor {
        let folder: String

        func score(_ requests: [TrialRequest], directive: String, options: RunOptions) throws(SweepExecutorError)
            -> [ScoredTrial]
        {
            let batchFile = folder + "/\(directive)-\(UUID().uuidString).json"
            let batch = SearchTrialWire.Batch(directive: directive, requests: requests.map(SearchTrialWire.Request.init))
            do { try SearchTrialWire.write(batch, to: batchFile) } catch { throw SweepExecutorError("\(error)") }
            return requests.indices.map { index in
                let task = SearchTrialTask(directive: directive, requestsFile: batchFile, index: index, resultFile: batchFile + ".\(index)")
                var taskOptions = options
                taskOptions.searchExecutor = nil
                let outcome = Runner.scoreSearchTrial(taskOptions, task: task)
                guard outcome.exitCode == 0, let result = SearchTrialWire.read(SearchTrialWire.Result.self, from: task.resultFile)?.outcome
                else { return ScoredTrial(.failure(TrialFailure("task failed: \(outcome.diagnostics.map(\.message))", fits: 0))) }
                return ScoredTrial(result, seconds: 0.5)
            }
        }
    }

    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 600), to: "data/w.csv")
        try sandbox.write(Self.notebook, to: "notebook.md")
        try FileManager.default.createDirectory(atPath: sandbox.root + "/tasks", withIntermediateDirectories: true)
        return sandbox
    }

    @Test func parametersAndScoresTravelBitForBitWithTheirTypes() throws {
        let request = TrialRequest(
            index: 7, model: .gradientBoosting,
            parameters: ["learning_rate": .double(2.0), "max_iter": .int(2), "loss": .string("log loss"), "early": .bool(false),
                         "tiny": .double(1.0 / 3)],
            rowShare: 1.0 / 81, resourceShare: 0.1, rung: 2)
        let sandbox = try sandbox()
        try SearchTrialWire.write(SearchTrialWire.Batch(directive: "m", requests: [.init(request)]), to: sandbox.root + "/b.json")
        let back = try #require(SearchTrialWire.read(SearchTrialWire.Batch.self, from: sandbox.root + "/b.json"))
        #expect(back.requests.first?.request == request)
        for outcome: Result<TrialScore, TrialFailure> in [
            .success(TrialScore(mean: 0.1 + 0.2, std: .nan, fits: 3, work: 1e-300)), .failure(TrialFailure("no: \"quoted\"", fits: 2)),
        ] {
            let result = SearchTrialWire.Result(index: 1, outcome: outcome, seconds: 0.5)
            try SearchTrialWire.write(result, to: sandbox.root + "/r.json")
            let decoded = try #require(SearchTrialWire.read(SearchTrialWire.Result.self, from: sandbox.root + "/r.json")?.outcome)
            switch (decoded, outcome) {
            case (.success(let a), .success(let b)):
                #expect(a.mean == b.mean && a.std.isNaN && a.fits == b.fits && a.work == b.work)
            case (.failure(let a), .failure(let b)):
                #expect(a == b)
            default:
                Issue.record("the outcome changed kind: \(decoded)")
            }
        }
        try sandbox.write("{\"index\": 1", to: "cut.json")
        #expect(SearchTrialWire.read(SearchTrialWire.Result.self, from: sandbox.root + "/cut.json") == nil)
    }

    @Test func searchesScoredByTasksWriteTheReportsOfALocalRun() throws {
        let local = try sandbox()
        let tasks = try sandbox()
        #expect(local.run().exitCode == 0)
        var options = RunOptions(notebookPath: tasks.root + "/notebook.md", outputDirectory: tasks.root + "/reports")
        options.searchExecutor = TaskExecutor(folder: tasks.root + "/tasks")
        let outcome = Runner.run(options)
        #expect(outcome.diagnostics == [])
        #expect(outcome.exitCode == 0)
        for file in ["notebook.md", "notebook.html", "notebook.run.json"] {
            #expect(try tasks.read("reports/" + file) == local.read("reports/" + file), "\(file) differs")
        }
        // 4 random trials in one batch, 3 tpe trials in two: 7 results.
        let results = try FileManager.default.contentsOfDirectory(atPath: tasks.root + "/tasks").filter { !$0.hasSuffix(".json") }
        #expect(results.count == 7)
    }

    @Test func withTimingsTheLeaderboardShowsHowLongEachTaskTook() throws {
        let sandbox = try sandbox()
        var options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports", reportTimings: true)
        options.searchExecutor = TaskExecutor(folder: sandbox.root + "/tasks")
        #expect(Runner.run(options).exitCode == 0)
        // The executor reports 0.5 s for every trial: 4 + 3 trials in the two leaderboards.
        let markdown = try sandbox.read("reports/notebook.md")
        // (the winners' rows are bold).
        #expect(markdown.components(separatedBy: "| 500.0 ms |").count - 1 == 5)
        #expect(markdown.components(separatedBy: "| **500.0 ms** |").count - 1 == 2)
    }

    @Test func aTaskForAnUnknownSearchOrAMissingTrialFailsClearly() throws {
        let sandbox = try sandbox()
        let options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        let unknown = Runner.scoreSearchTrial(
            options, task: SearchTrialTask(directive: "base", requestsFile: sandbox.root + "/none.json", index: 0, resultFile: sandbox.root + "/r"))
        #expect(unknown.exitCode == 1)
        #expect(unknown.diagnostics.map(\.message) == ["the notebook has no `train` named `base` with a `search`"])
        let missing = Runner.scoreSearchTrial(
            options, task: SearchTrialTask(directive: "tuned", requestsFile: sandbox.root + "/none.json", index: 0, resultFile: sandbox.root + "/r"))
        #expect(missing.exitCode == 1)
        #expect(missing.diagnostics.first?.message.contains("cannot read the search's trials from") == true)
        #expect(!sandbox.exists("r"))
        // A task writes no report.
        #expect(!sandbox.exists("reports/notebook.md"))
    }

    @Test func aTaskRunsOnlyTheDirectivesItsSearchNeeds() throws {
        let sandbox = try sandbox()
        let plan = try #require(try? Runner.makePlan(RunOptions(notebookPath: sandbox.root + "/notebook.md")).get())
        // load (0) feeds `tree` (3); `base` (1), `tuned` (2) and evaluate (4) do not.
        #expect(plan.stepsNeeded(by: 3) == [0, 3])
    }

    @Test func queueLinesAreParsed() {
        #expect(SlurmQueueLine.parse("12_[0-3]|PENDING|Resources\n12_4|RUNNING|None\n\n") == [
            SlurmQueueLine(id: "12_[0-3]", state: "PENDING", reason: "Resources"),
            SlurmQueueLine(id: "12_4", state: "RUNNING", reason: "None"),
        ])
        #expect(SlurmQueueLine.parse("") == [])
    }
}
