import Foundation
import Testing
@testable import NotebookRunner

/// Sweeps through the Slurm executor against a real cluster (scripts/start-slurm.sh).
@Suite(.enabled(if: SlurmCluster.isAvailable, SlurmCluster.skipMessage))
struct SlurmSweepTests {
    /// Runs the built `labbook` with `arguments` in `folder`; its exit status.
    static func labbook(_ arguments: [String], in folder: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunStoreIntegrationTests.labbook)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 300), to: "data/workers.csv")
        try sandbox.write(SweepTests.notebook, to: "notebook.md")
        return sandbox
    }

    func executor(faults: String? = nil) -> SlurmSweepExecutor {
        var executor = SlurmSweepExecutor(labbook: RunStoreIntegrationTests.labbook, maxParallel: 2, faultDirectory: faults)
        executor.slurm.pollInterval = 0.2
        return executor
    }

    @Test func theComparisonReportIsByteIdenticalToTheLocalExecutors() throws {
        let local = try sandbox()
        let slurm = try sandbox()
        let sweep = ["run", "notebook.md", "--sweep", "depth=1,4", "--sweep", "cut=0.4,0.6"]
        #expect(try Self.labbook(sweep, in: local.root) == 0)
        #expect(try Self.labbook(sweep + ["--executor", "slurm", "--max-parallel", "2", "--partition", "debug"], in: slurm.root) == 0)
        let names = ["depth=1,cut=0.4", "depth=1,cut=0.6", "depth=4,cut=0.4", "depth=4,cut=0.6"].map { "notebook--" + $0 }
        for file in ["notebook.sweep.md", "notebook.sweep.html"] + names.flatMap({ [$0 + ".md", $0 + ".run.json"] }) {
            #expect(try slurm.read("reports/" + file) == local.read("reports/" + file), "\(file) differs")
        }
        #expect(try slurm.read("reports/notebook.sweep.md").contains("| depth | cut | exit | m roc_auc | m accuracy |"))
        // A sweep whose every task left a result leaves no work folder behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: slurm.root + "/.labbook/slurm") == [])
    }

    @Test func aTaskThatFailsOnceIsRetriedAndSucceeds() throws {
        let sandbox = try sandbox()
        let faults = sandbox.root + "/faults"
        try FileManager.default.createDirectory(atPath: faults, withIntermediateDirectories: true)
        try sandbox.write("", to: "faults/fail-once-1")
        let options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        let sweep = try Sweep(arguments: ["depth=1,4,6"])
        let outcome = Runner.sweep(options, sweep: sweep, executor: executor(faults: faults))
        #expect(outcome.diagnostics == [])
        #expect(outcome.exitCode == 0)
        #expect(outcome.runs.map(\.outcome.exitCode) == [0, 0, 0])
        #expect(outcome.runs.allSatisfy { $0.failure == nil && !$0.outcome.evaluations.isEmpty })
        #expect(!sandbox.exists("faults/fail-once-1"))
        #expect(!(try sandbox.read("reports/notebook.sweep.md")).contains("did not succeed"))
    }

    @Test func aTaskThatAlwaysFailsIsReportedInItsRow() throws {
        let sandbox = try sandbox()
        let faults = sandbox.root + "/faults"
        try FileManager.default.createDirectory(atPath: faults, withIntermediateDirectories: true)
        try sandbox.write("", to: "faults/fail-always-1")
        let options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        var finished: [String] = []
        let outcome = Runner.sweep(options, sweep: try Sweep(arguments: ["depth=1,4,6"]), executor: executor(faults: faults)) {
            finished.append($0.reportName)
        }
        #expect(finished == ["notebook--depth=1", "notebook--depth=4", "notebook--depth=6"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.runs.map(\.outcome.exitCode) == [0, 1, 0])
        #expect(outcome.runs[1].failure == "its Slurm task ended without a result twice (exit status 70)")
        let markdown = try sandbox.read("reports/notebook.sweep.md")
        #expect(markdown.contains("| 4 | 1 |"))
        #expect(markdown.contains(
            "runs that did not succeed: `notebook--depth=4` (exit 1: its Slurm task ended without a result twice (exit status 70))"))
        #expect(!sandbox.exists("reports/notebook--depth=4.md"))
        // The work folder is kept, with both attempts' logs of the failing task.
        let work = sandbox.root + "/.labbook/slurm"
        let folders = try FileManager.default.contentsOfDirectory(atPath: work)
        let files = try FileManager.default.contentsOfDirectory(atPath: work + "/" + (try #require(folders.first)))
        #expect(Set(["1.attempt1.log", "1.attempt2.log", "array.sh"]).isSubset(of: Set(files)))
    }

    @Test func aRejectedJobArrayRunsNothingAndExitsSix() throws {
        let sandbox = try sandbox()
        let status = try Self.labbook(
            ["run", "notebook.md", "--sweep", "depth=1,4", "--executor", "slurm", "--partition", "no-such-partition"], in: sandbox.root)
        #expect(status == SweepOutcome.executorFailed)
        #expect(!sandbox.exists("reports"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/.labbook/slurm") == [])
    }
}
