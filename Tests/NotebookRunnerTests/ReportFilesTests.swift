import Foundation
import Testing
@testable import NotebookRunner

@Suite("Report files")
struct ReportFilesTests {
    static let extensions = ["html", "md", "run.json"]

    /// A pid that is not alive (the tests say so through `isAlive`).
    static let deadPID: Int32 = 999_999

    func files(in sandbox: Sandbox, pid: Int32 = getpid()) -> ReportFiles {
        var files = ReportFiles(directory: sandbox.root + "/reports", name: "income", extensions: Self.extensions)
        files.processID = pid
        files.isAlive = { $0 == getpid() }
        return files
    }

    func listing(_ sandbox: Sandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/reports").sorted()
    }

    @Test("a write leaves exactly the three reports and no temps or journal")
    func writesAllThree() throws {
        let sandbox = try Sandbox()
        let paths = try files(in: sandbox).write([("html", "<p>1</p>"), ("md", "one"), ("run.json", "{}")])
        #expect(paths == Self.extensions.map { sandbox.root + "/reports/income.\($0)" })
        #expect(try listing(sandbox) == ["income.html", "income.md", "income.run.json"])
        #expect(try sandbox.read("reports/income.md") == "one")
    }

    @Test("a journal left by a run killed between renames is rolled forward")
    func rollsForwardAPendingJournal() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.root + "/reports", withIntermediateDirectories: true)
        // The killed run wrote its temps and journal and renamed only the HTML.
        let dead = files(in: sandbox, pid: Self.deadPID)
        try sandbox.write("new html", to: "reports/income.html")
        try sandbox.write("old md", to: "reports/income.md")
        try sandbox.write("old json", to: "reports/income.run.json")
        try sandbox.write("new md", to: "reports/" + dead.temporaryName("md"))
        try sandbox.write("new json", to: "reports/" + dead.temporaryName("run.json"))
        try sandbox.write(
            "labbook-commit 1 pid=\(Self.deadPID)\n"
                + Self.extensions.map { "\(dead.temporaryName($0))\tincome.\($0)\n" }.joined(),
            to: "reports/.income.labbook-commit")
        files(in: sandbox).recover()
        #expect(try listing(sandbox) == ["income.html", "income.md", "income.run.json"])
        #expect(try sandbox.read("reports/income.md") == "new md")
        #expect(try sandbox.read("reports/income.run.json") == "new json")
    }

    @Test("a journal of a live run is left alone")
    func leavesALiveRunsJournal() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.root + "/reports", withIntermediateDirectories: true)
        var other = files(in: sandbox, pid: 4242)
        other.isAlive = { _ in true }
        try sandbox.write("new md", to: "reports/" + other.temporaryName("md"))
        try sandbox.write("labbook-commit 1 pid=4242\n\(other.temporaryName("md"))\tincome.md\n", to: "reports/.income.labbook-commit")
        other.processID = getpid()
        other.recover()
        #expect(try listing(sandbox) == [".income.labbook-commit", ".income.md.labbook-tmp4242"])
    }

    @Test("stale temps of dead runs are deleted; other names' files and live runs' temps stay")
    func deletesStaleTemps() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.root + "/reports", withIntermediateDirectories: true)
        let stale = [
            ".income.html.labbook-tmp\(Self.deadPID)", ".income.run.json.labbook-tmp\(Self.deadPID)",
            ".income.md.labbook-tmpgarbage", ".income.labbook-commit.labbook-tmp\(Self.deadPID)",
            ".income.md.labbook-tmp\(getpid())",
        ]
        let kept = [
            ".income.sweep.html.labbook-tmp\(Self.deadPID)", ".incomes.html.labbook-tmp\(Self.deadPID)",
            "income.html", "other.md",
        ]
        for file in stale + kept { try sandbox.write("x", to: "reports/" + file) }
        var live = files(in: sandbox)
        live.isAlive = { $0 == 4242 }
        try sandbox.write("x", to: "reports/.income.md.labbook-tmp4242")
        live.recover()
        #expect(try listing(sandbox) == (kept + [".income.md.labbook-tmp4242"]).sorted())
    }

    @Test("a write first completes a pending journal, then replaces all three")
    func writeRecoversFirst() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.root + "/reports", withIntermediateDirectories: true)
        let dead = files(in: sandbox, pid: Self.deadPID)
        try sandbox.write("half", to: "reports/" + dead.temporaryName("html"))
        try files(in: sandbox).write([("html", "h"), ("md", "m"), ("run.json", "j")])
        #expect(try listing(sandbox) == ["income.html", "income.md", "income.run.json"])
        #expect(try sandbox.read("reports/income.html") == "h")
    }

    @Test("a file where the output folder should be gives a one-line error")
    func fileInsteadOfFolder() throws {
        let sandbox = try Sandbox()
        try sandbox.write("not a folder", to: "reports")
        #expect(throws: ReportWriteError(path: sandbox.root + "/reports/income.html", reason: "Not a directory")) {
            try files(in: sandbox).write([("html", "h"), ("md", "m")])
        }
        #expect(
            ReportWriteError(path: "reports/income.html", errno: ENOSPC).description
                == "reports/income.html: cannot write the report: No space left on device")
        #expect(
            ReportWriteError(path: "reports/income.html", errno: EROFS).description
                == "reports/income.html: cannot write the report: Read-only file system")
    }
}

/// Real full and read-only file systems: a small tmpfs mounted for the test (needs root, as in
/// CI; skipped with a message elsewhere). The run ends with exit 5 and one plain line, and the
/// folder holds neither a half-written report nor a temporary file.
@Suite("Report files on a full or read-only disk", .serialized)
struct ReportFilesDiskTests {
    /// Mounts a tmpfs of `kilobytes` at `folder`; `false` when this process may not mount.
    static func mount(_ folder: String, kilobytes: Int, readOnly: Bool = false) -> Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k\(readOnly ? ",ro" : "")", "tmpfs", folder]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func unmount(_ folder: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [folder]
        try? process.run()
        process.waitUntilExit()
    }

    func run(into folder: String, sandbox: Sandbox) throws -> RunOutcome {
        try sandbox.write(Sandbox.workersCSV(rows: 300), to: "data/w.csv")
        try sandbox.write(
            String.notebook("# Disk", "", "```load", "name: w", "from: data/w.csv", "target: y", "positive: \"yes\"", "```",
                "```explore", "data: w", "show: [summary, missing]", "```"),
            to: "notebook.md")
        return Runner.run(RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: folder))
    }

    @Test("a full disk gives exit 5, one plain line and no partial files")
    func fullDisk() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.root + "/full"
        guard Self.mount(folder, kilobytes: 8) else {
            print("skipped: mounting a small tmpfs needs root (CI runs as root)")
            return
        }
        defer { Self.unmount(folder) }
        let outcome = try run(into: folder, sandbox: sandbox)
        #expect(outcome.exitCode == RunOutcome.reportsNotWritten)
        #expect(outcome.diagnostics.map(\.headline).contains { $0.hasSuffix("cannot write the report: No space left on device") })
        #expect(outcome.reportPaths.isEmpty)
        #expect((try FileManager.default.contentsOfDirectory(atPath: folder)).isEmpty)
    }

    @Test("a read-only output folder gives exit 5 and one plain line")
    func readOnly() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.root + "/readonly"
        guard Self.mount(folder, kilobytes: 1024, readOnly: true) else {
            print("skipped: mounting a read-only tmpfs needs root (CI runs as root)")
            return
        }
        defer { Self.unmount(folder) }
        let outcome = try run(into: folder, sandbox: sandbox)
        #expect(outcome.exitCode == RunOutcome.reportsNotWritten)
        #expect(outcome.diagnostics.map(\.headline).contains { $0.hasSuffix("cannot write the report: Read-only file system") })
    }
}
