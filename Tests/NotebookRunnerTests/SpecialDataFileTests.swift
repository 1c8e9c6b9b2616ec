import Foundation
import Testing
@testable import NotebookRunner

/// `load` and `monitor` refuse data paths that are not regular files with a located error,
/// at once: `/dev/zero` is never read to the end and a FIFO never blocks the check.
@Suite struct SpecialDataFileTests {
    /// The first line of each diagnostic of checking a notebook that loads `from`.
    func headlines(loading from: String, in sandbox: Sandbox) throws -> [String] {
        try sandbox.write(String.notebook("```load", "name: d", "from: \(from)", "```"), to: "nb.md")
        let started = ContinuousClock.now
        var options = RunOptions(notebookPath: sandbox.root + "/nb.md")
        options.allowedReads = ["/dev"]  // past the read scope, to reach the file-type check
        let outcome = Runner.check(options)
        #expect(ContinuousClock.now - started < .seconds(5))
        return outcome.diagnostics.map(\.description).map { $0.components(separatedBy: "\n")[0].replacingOccurrences(of: sandbox.root + "/", with: "") }
    }

    @Test func characterDeviceIsALocatedError() throws {
        let sandbox = try Sandbox()
        #expect(try headlines(loading: "/dev/zero", in: sandbox) == [
            "nb.md:3:7: error: `/dev/zero` is not a regular file (a character device)"
        ])
    }

    @Test func fifoIsALocatedErrorAndDoesNotBlock() throws {
        let sandbox = try Sandbox()
        try #require(mkfifo(sandbox.root + "/data/pipe.csv", 0o600) == 0)
        #expect(try headlines(loading: "data/pipe.csv", in: sandbox) == [
            "nb.md:3:7: error: `data/pipe.csv` is not a regular file (a FIFO)"
        ])
    }

    @Test func directoryIsALocatedError() throws {
        let sandbox = try Sandbox()
        #expect(try headlines(loading: "data", in: sandbox) == [
            "nb.md:3:7: error: `data` is not a regular file (a directory)"
        ])
    }

    @Test func monitorCurrentIsChecked() throws {
        let sandbox = try Sandbox()
        try sandbox.write("a,y\n1,yes\n2,no\n", to: "data/d.csv")
        try sandbox.write(String.notebook(
            "```load", "name: d", "from: data/d.csv", "```",
            "```monitor", "reference: d", "current: /dev/zero", "```"), to: "nb.md")
        var options = RunOptions(notebookPath: sandbox.root + "/nb.md")
        options.allowedReads = ["/dev"]
        let outcome = Runner.check(options)
        #expect(outcome.diagnostics.map(\.description).map { $0.components(separatedBy: "\n")[0].replacingOccurrences(of: sandbox.root + "/", with: "") } == [
            "nb.md:7:10: error: `/dev/zero` is not a regular file (a character device)"
        ])
    }
}
