import Foundation
import Testing
@testable import NotebookRunner
import RunStorage

/// A notebook run recorded in PostgreSQL (`--store postgres://…`) and read back by the
/// history section and by `labbook runs`/`show`/`compare`. Skipped without a server:
/// `source scripts/start-postgres.sh` exports LABBOOK_TEST_POSTGRES (CI does). Every test's
/// notebook has a name of its own (the store matches runs by the notebook path as reports show
/// it: the file name, for a notebook outside the current folder), so these tests share the
/// server's database safely, also with earlier test runs.
@Suite(.enabled(
    if: TestPostgres.url != nil,
    "no PostgreSQL: `source scripts/start-postgres.sh` exports LABBOOK_TEST_POSTGRES, then rerun the tests"))
struct PostgresStoreIntegrationTests {

    /// A sandbox with the small notebook as `NAME.md`, a name no other test uses.
    func makeSandbox() throws -> (Sandbox, name: String) {
        let sandbox = try Sandbox()
        let name = "postgres-" + UUID().uuidString.lowercased()
        try sandbox.write(Sandbox.workersCSV(rows: 400), to: "data/workers.csv")
        try sandbox.write(RunStoreIntegrationTests.smallNotebook, to: name + ".md")
        return (sandbox, name)
    }

    @Test func aRunIsRecordedAndItsHistoryReadBack() throws {
        let url = try #require(TestPostgres.url)
        let (sandbox, name) = try makeSandbox()
        var options = RunOptions(notebookPath: sandbox.root + "/\(name).md", outputDirectory: sandbox.root + "/reports")
        options.storePath = url
        let first = Runner.run(options)
        #expect(first.exitCode == 0 && first.diagnostics.isEmpty, "\(first.diagnostics)")
        #expect(try !sandbox.read("reports/\(name).html").contains("id=\"history\""))
        options.parameterOverrides = [("depth", "2")]
        let second = Runner.run(options)
        #expect(second.exitCode == 0 && second.diagnostics.isEmpty, "\(second.diagnostics)")
        #expect(try sandbox.read("reports/\(name).html").contains("<section class=\"history\" id=\"history\">"))
        // Nothing went to the SQLite file beside the notebook.
        #expect(!sandbox.exists(".labbook/labbook.sqlite"))
        let runs = try RunStoreLocation(url).open().runs(notebook: name + ".md")
        #expect(runs.count == 2)
        #expect(runs.map(\.parameters) == [[RunParameter(name: "depth", value: "3")], [RunParameter(name: "depth", value: "2")]])
        #expect(runs.allSatisfy { $0.status == .finished && $0.exitCode == 0 && $0.steps.count == 3 && $0.metrics.count == 9 })
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: RunStoreIntegrationTests.labbook), "build the labbook binary first (swift build)"))
    func runsShowAndCompareReadTheStore() throws {
        let url = try #require(TestPostgres.url)
        let (sandbox, name) = try makeSandbox()
        let notebook = sandbox.root + "/\(name).md"
        for depth in ["3", "1"] {
            let (status, _, errors) = try Self.labbook(["run", notebook, "--out", sandbox.root + "/reports", "--store", url, "-p", "depth=\(depth)"])
            #expect(status == 0, "\(errors)")
            #expect(!errors.contains("warning"), "\(errors)")
        }
        let (status, listing, _) = try Self.labbook(["runs", notebook, "--store", url])
        #expect(status == 0)
        let shown = name + ".md"
        let rows = listing.split(separator: "\n").filter { $0.contains(shown) }
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains("finished") }, "\(listing)")
        let ids = rows.compactMap { $0.split(separator: " ").first.flatMap { Int64($0) } }
        #expect(ids.count == 2)
        guard ids.count == 2 else { return }
        let (showStatus, details, _) = try Self.labbook(["show", String(ids[1]), "--store", url])
        #expect(showStatus == 0)
        #expect(details.contains(shown) && details.contains("finished, exit code 0") && details.contains("depth      1"), "\(details)")
        let (compareStatus, diff, _) = try Self.labbook(["compare", String(ids[0]), String(ids[1]), "--store", url])
        #expect(compareStatus == 0)
        #expect(diff.hasPrefix("Params (run \(ids[0]) → run \(ids[1]))\nname   old  new\ndepth  3    1\n"), "\(diff)")
        // An unknown id names the store without its password.
        let password = try #require(try PostgresStoreURL(url).password)
        let (missingStatus, _, missing) = try Self.labbook(["show", "999999999", "--store", url])
        #expect(missingStatus != 0 && missing.contains("no run 999999999 in postgres://") && !missing.contains(password), "\(missing)")
    }

    /// Runs the debug `labbook` binary: exit status, stdout, stderr.
    static func labbook(_ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunStoreIntegrationTests.labbook)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

/// The PostgreSQL server the tests may use (`LABBOOK_TEST_POSTGRES`), if any.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["LABBOOK_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
}
