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
