import Foundation
import Testing
@testable import NotebookRunner
import Reports

/// The parts of the Slurm executor that need no cluster: quoting, the array script (run by
/// bash with a fake `labbook`), the sbatch command line, task results and the retry decision.
@Suite struct SlurmPiecesTests {
    /// Runs `bash -c script` with `environment` added; its stdout and exit status.
    static func bash(_ script: String, environment: [String: String] = [:]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (text, process.terminationStatus)
    }

    static let hostile = ["plain", "", "it's", "a b", "$HOME", "`date`", "x;rm -rf /", "new\nline", "\\'\"", "é=ü"]

    @Test func quotedWordsReachTheCommandUnchanged() throws {
        #expect(ShellQuote.quote("it's") == "'it'\\''s'")
        #expect(ShellQuote.quote("") == "''")
        let (output, status) = try Self.bash("printf '%s\\0' " + ShellQuote.join(Self.hostile))
        #expect(status == 0)
        #expect(output.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init) == Self.hostile)
    }

    /// A fake `labbook` that writes its arguments, NUL-separated, to `args-<task>` and exits 3.
    func fakeLabbook(in sandbox: Sandbox) throws -> String {
        let path = sandbox.root + "/fake-labbook"
        try sandbox.write("#!/bin/bash\nprintf '%s\\0' \"$@\" > \"$(dirname \"$0\")/args-$SLURM_ARRAY_TASK_ID\"\nexit 3\n", to: "fake-labbook")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func eachArrayTaskRunsItsOwnArgumentsAndRecordsItsStatus() throws {
        let sandbox = try Sandbox()
        let script = SlurmArrayScript(
            labbook: try fakeLabbook(in: sandbox), workDirectory: sandbox.root, tasks: [["run", "a.md"], ["run"] + Self.hostile])
        try sandbox.write(script.text, to: "array.sh")
        let (_, status) = try Self.bash("bash \(ShellQuote.quote(sandbox.root + "/array.sh"))", environment: ["SLURM_ARRAY_TASK_ID": "1"])
        #expect(status == 3)
        let arguments = try sandbox.read("args-1").split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(arguments == ["run"] + Self.hostile)
        #expect(!sandbox.exists("args-0"))
        #expect(try sandbox.read("1.status") == "3\n")
        let (_, unknown) = try Self.bash("bash \(ShellQuote.quote(sandbox.root + "/array.sh"))", environment: ["SLURM_ARRAY_TASK_ID": "7"])
        #expect(unknown == 64)
    }

    @Test func injectedFaultsStopTheTaskOnceOrAlways() throws {
        let sandbox = try Sandbox()
        let faults = sandbox.root + "/faults"
        try FileManager.default.createDirectory(atPath: faults, withIntermediateDirectories: true)
        let script = SlurmArrayScript(labbook: try fakeLabbook(in: sandbox), workDirectory: sandbox.root, tasks: [["run"], ["run"]])
        try sandbox.write(script.text, to: "array.sh")
        try sandbox.write("", to: "faults/fail-once-0")
        try sandbox.write("", to: "faults/fail-always-1")
        let run = { (task: String) in
            try Self.bash(
                "bash \(ShellQuote.quote(sandbox.root + "/array.sh"))", environment: ["SLURM_ARRAY_TASK_ID": task, "LABBOOK_SLURM_FAULTS": faults]
            ).status
        }
        #expect(try run("0") == SlurmArrayScript.injectedFaultStatus)
        #expect(!sandbox.exists("args-0"))
        #expect(try run("0") == 3)
        #expect(sandbox.exists("args-0"))
        #expect(try run("1") == SlurmArrayScript.injectedFaultStatus)
        #expect(try run("1") == SlurmArrayScript.injectedFaultStatus)
        #expect(!sandbox.exists("args-1"))
        #expect(try sandbox.read("1.status") == "70\n")
    }

    @Test func theArraySpecCompressesIndicesAndLimitsParallelism() {
        #expect(SlurmSubmission.arraySpec([0, 1, 2, 3], maxParallel: nil) == "0-3")
        #expect(SlurmSubmission.arraySpec([9, 1, 4, 5, 6], maxParallel: 2) == "1,4-6,9%2")
        #expect(SlurmSubmission.arraySpec([3], maxParallel: nil) == "3")
        let submission = SlurmSubmission(
            script: "/s/array.sh", workingDirectory: "/w", jobName: "labbook-nb", partition: "debug", maxParallel: 2, faultDirectory: nil)
        #expect(
            submission.arguments(indices: [1, 2], log: "/s/%a.attempt2.log") == [
                "--parsable", "--array=1-2%2", "--job-name=labbook-nb", "--chdir=/w", "--output=/s/%a.attempt2.log",
                "--partition=debug", "--export=ALL", "/s/array.sh",
            ])
    }

    @Test func theJobIDIsReadFromParsableOutput() {
        #expect(SlurmSubmission.jobID(parsable: "1234\n") == "1234")
        #expect(SlurmSubmission.jobID(parsable: "1234;cluster\n") == "1234")
        #expect(SlurmSubmission.jobID(parsable: "") == nil)
        #expect(SlurmSubmission.jobID(parsable: "sbatch: error: invalid partition") == nil)
    }

    @Test func taskArgumentsRepeatTheRunsOptions() {
        var options = RunOptions(
            notebookPath: "notebooks/nb.md", outputDirectory: "out", parameterOverrides: [("depth", "3"), ("label", "a=b")],
            reportTimings: true, stateDirectory: "/shared/state")
        options.reportName = "nb--depth=3"
        options.storePath = "runs.sqlite"
        options.parameterFile = "grid.yaml"
        options.allowedReads = ["../data"]
        options.useCache = false
        options.directiveTimeout = 60
        options.runTimeout = 600.5
        #expect(
            SlurmTaskArguments.make(options, resultFile: "/w/0.result.json") == [
                "run", "notebooks/nb.md", "--out", "out", "--report-name", "nb--depth=3", "--result-file", "/w/0.result.json",
                "--state", "/shared/state", "--store", "runs.sqlite", "--params", "grid.yaml", "-p", "depth=3", "-p", "label=a=b",
                "--allow-read", "../data", "--timings", "--no-cache", "--timeout", "60.0", "--run-timeout", "600.5",
            ])
        #expect(SlurmTaskArguments.make(RunOptions(notebookPath: "nb.md"), resultFile: "r") == ["run", "nb.md", "--out", "reports", "--result-file", "r"])
    }

    @Test func aTaskResultComesBackBitForBit() throws {
        let sandbox = try Sandbox()
        var outcome = RunOutcome(
            exitCode: 3, diagnostics: [], steps: [RunOutcome.Step(kind: "train", label: "m", location: "nb.md:9", status: .cached, seconds: 0.25)],
            reportPaths: ["reports/nb.html"], timingNotes: [], seconds: 1.5)
        outcome.evaluations = [
            RunOutcome.Evaluation(model: "m", metrics: ["roc_auc": 0.1 + 0.2, "log_loss": .nan, "accuracy": 1.0 / 3]),
            RunOutcome.Evaluation(model: "m", metrics: ["roc_auc": .infinity]),
        ]
        try SweepTaskResult(outcome).write(to: sandbox.root + "/r.json")
        let back = try #require(SweepTaskResult.read(from: sandbox.root + "/r.json")).outcome
        #expect(back.exitCode == 3)
        #expect(back.evaluations.count == 2)
        #expect(back.evaluations[0].metrics["roc_auc"] == 0.1 + 0.2)
        #expect(back.evaluations[0].metrics["accuracy"] == 1.0 / 3)
        #expect(back.evaluations[0].metrics["log_loss"]?.isNaN == true)
        #expect(back.evaluations[1].metrics["roc_auc"] == .infinity)
        #expect(back.steps.map(\.status) == [.cached])
        #expect(back.reportPaths == ["reports/nb.html"])
    }

    @Test func tasksWithoutAReadableResultAreRetried() throws {
        let sandbox = try Sandbox()
        let results = SlurmResults(directory: sandbox.root)
        let outcome = RunOutcome(exitCode: 1, diagnostics: [], steps: [], reportPaths: [], timingNotes: [], seconds: 0)
        try SweepTaskResult(outcome).write(to: results.resultPath(0))  // a failed run is a result: not retried
        try sandbox.write("{\"exitCode\": 0", to: "2.result.json")  // cut short: retried
        try sandbox.write("70\n", to: "2.status")
        #expect([0, 1, 2].filter { results.result($0) == nil } == [1, 2])
        #expect(results.failure(2) == "its Slurm task ended without a result twice (exit status 70)")
        #expect(results.failure(1) == "its Slurm task ended without a result twice (no exit status: killed, preempted or lost)")
    }

    @Test func withoutSbatchTheSweepFailsClearlyAndRunsNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 100), to: "data/workers.csv")
        try sandbox.write(SweepTests.notebook, to: "notebook.md")
        var executor = SlurmSweepExecutor(labbook: "/nonexistent/labbook")
        executor.slurm.toolSearchPath = sandbox.root + "/no-such-folder"
        let outcome = Runner.sweep(
            RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports"),
            sweep: try Sweep(arguments: ["depth=1,2"]), executor: executor)
        #expect(outcome.exitCode == SweepOutcome.executorFailed)
        #expect(outcome.diagnostics.map(\.message) == [
            "the Slurm executor needs `sbatch` and `squeue` on PATH and they are not there (install Slurm, or use --executor local)"
        ])
        #expect(!sandbox.exists("reports"))
    }

    @Test func aRunsFailureIsNamedInTheReportsListOfFailedRuns() throws {
        let failed = RunOutcome(exitCode: 1, diagnostics: [], steps: [], reportPaths: [], timingNotes: [], seconds: 0)
        let runs = [
            SweepOutcome.Run(assignment: [("depth", "1")], reportName: "nb--depth=1", outcome: failed),
            SweepOutcome.Run(assignment: [("depth", "2")], reportName: "nb--depth=2", outcome: failed, failure: "its Slurm task ended without a result twice (exit status 70)"),
        ]
        let report = SweepReport.make(notebookPath: "nb.md", sweep: try Sweep(arguments: ["depth=1,2"]), runs: runs)
        let markdown = MarkdownRenderer.render(report)
        #expect(markdown.contains(
            "runs that did not succeed: `nb--depth=1` (exit 1), `nb--depth=2` (exit 1: its Slurm task ended without a result twice (exit status 70))"))
    }
}
