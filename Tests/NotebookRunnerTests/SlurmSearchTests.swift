import Foundation
import Testing
@testable import NotebookRunner

/// Search trials scored on a real Slurm cluster (scripts/start-slurm.sh).
@Suite(.enabled(if: SlurmCluster.isAvailable, SlurmCluster.skipMessage))
struct SlurmSearchTests {
    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 600), to: "data/w.csv")
        try sandbox.write(SearchTrialTaskTests.notebook, to: "notebook.md")
        return sandbox
    }

    func options(_ sandbox: Sandbox, faults: String? = nil) -> RunOptions {
        var options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        var executor = SlurmSearchExecutor(labbook: RunStoreIntegrationTests.labbook, maxParallel: 2, faultDirectory: faults)
        executor.slurm.pollInterval = 0.2
        options.searchExecutor = executor
        return options
    }

    @Test func reportsAreByteIdenticalToALocalRun() throws {
        let local = try sandbox()
        let slurm = try sandbox()
        #expect(try SlurmSweepTests.labbook(["run", "notebook.md"], in: local.root) == 0)
        #expect(try SlurmSweepTests.labbook(["run", "notebook.md", "--executor", "slurm", "--max-parallel", "2"], in: slurm.root) == 0)
        for file in ["notebook.md", "notebook.html", "notebook.run.json"] {
            #expect(try slurm.read("reports/" + file) == local.read("reports/" + file), "\(file) differs")
        }
        // Every batch left its results: no work folder is kept.
        #expect(try FileManager.default.contentsOfDirectory(atPath: slurm.root + "/.labbook/slurm") == [])
    }

    @Test func aTrialWhoseTaskFailsOnceIsRetried() throws {
        let local = try sandbox()
        let slurm = try sandbox()
        #expect(local.run().exitCode == 0)
        try FileManager.default.createDirectory(atPath: slurm.root + "/faults", withIntermediateDirectories: true)
        try slurm.write("", to: "faults/fail-once-2")
        let outcome = Runner.run(options(slurm, faults: slurm.root + "/faults"))
        #expect(outcome.exitCode == 0)
        #expect(!slurm.exists("faults/fail-once-2"))
        #expect(try slurm.read("reports/notebook.md") == local.read("reports/notebook.md"))
    }

    @Test func aTrialWhoseTaskAlwaysFailsIsReportedFailedInTheLeaderboard() throws {
        let slurm = try sandbox()
        try FileManager.default.createDirectory(atPath: slurm.root + "/faults", withIntermediateDirectories: true)
        try slurm.write("", to: "faults/fail-always-3")
        let outcome = Runner.run(options(slurm, faults: slurm.root + "/faults"))
        // The searches still find a winner among the trials that scored.
        #expect(outcome.exitCode == 0)
        let markdown = try slurm.read("reports/notebook.md")
        #expect(markdown.contains("its Slurm task ended without a result twice (exit status 70)"))
        // The lost trial's logs are kept for the user to read.
        let kept = try FileManager.default.contentsOfDirectory(atPath: slurm.root + "/.labbook/slurm")
        #expect(kept.count == 1 && kept[0].hasPrefix("notebook-search-tuned-"))
    }

    @Test func anArrayStuckInTheQueueIsCancelledAfterThePendingTimeout() throws {
        // A partition that is down keeps every job pending (reason PartitionDown).
        let partition = "stuck-\(UUID().uuidString.prefix(6).lowercased())"
        #expect(try Self.scontrol(["create", "PartitionName=\(partition)", "Nodes=ALL", "State=DOWN"]) == 0)
        defer { _ = try? Self.scontrol(["delete", "PartitionName=\(partition)"]) }
        let sandbox = try sandbox()
        var options = options(sandbox)
        var executor = SlurmSearchExecutor(labbook: RunStoreIntegrationTests.labbook, partition: partition)
        executor.slurm.pollInterval = 0.2
        executor.slurm.pendingTimeout = 1
        options.searchExecutor = executor
        let outcome = Runner.run(options)
        #expect(outcome.exitCode == 1)
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("in the queue without a task starting (reason: PartitionDown); it was cancelled"))
        // Cancelled: nothing of it is left in the queue, and no work folder stays behind.
        let queue = Process()
        queue.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        queue.arguments = ["squeue", "-h", "-p", partition]
        let output = Pipe()
        queue.standardOutput = output
        try queue.run()
        let listed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        queue.waitUntilExit()
        #expect(listed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/.labbook/slurm")) ?? []) == [])
    }

    static func scontrol(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["scontrol"] + arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
