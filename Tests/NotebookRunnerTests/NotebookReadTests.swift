import Foundation
import Testing
@testable import NotebookRunner

/// "cannot read the notebook" (and "cannot read the parameter file") say why.
@Suite struct NotebookReadTests {
    func diagnostics(_ options: RunOptions, in sandbox: Sandbox) -> [String] {
        Runner.check(options).diagnostics.map(\.description).map { $0.replacingOccurrences(of: sandbox.root + "/", with: "") }
    }

    @Test func invalidUTF8IsLocatedByByteAndLine() throws {
        let sandbox = try Sandbox()
        try Data([0x61, 0x62, 0x0A, 0x63, 0xFF, 0x64, 0x0A]).write(to: URL(fileURLWithPath: sandbox.root + "/nb.md"))
        #expect(diagnostics(RunOptions(notebookPath: sandbox.root + "/nb.md"), in: sandbox) == [
            "nb.md: error: cannot read the notebook: invalid UTF-8 at byte 4 (line 2)"
        ])
    }

    @Test func missingFileAndDirectoryAreNamed() throws {
        let sandbox = try Sandbox()
        #expect(diagnostics(RunOptions(notebookPath: sandbox.root + "/nb.md"), in: sandbox) == [
            "nb.md: error: cannot read the notebook: no such file"
        ])
        #expect(diagnostics(RunOptions(notebookPath: sandbox.root + "/data"), in: sandbox) == [
            "data: error: cannot read the notebook: not a regular file (a directory)"
        ])
    }

    @Test func fifoNotebookIsRefusedWithoutBlocking() throws {
        let sandbox = try Sandbox()
        try #require(mkfifo(sandbox.root + "/nb.md", 0o600) == 0)
        #expect(diagnostics(RunOptions(notebookPath: sandbox.root + "/nb.md"), in: sandbox) == [
            "nb.md: error: cannot read the notebook: not a regular file (a FIFO)"
        ])
    }

    @Test(.disabled(if: getuid() == 0, "root may read any file")) func permissionDeniedIsNamed() throws {
        let sandbox = try Sandbox()
        try sandbox.write("Text\n", to: "nb.md")
        try #require(chmod(sandbox.root + "/nb.md", 0) == 0)
        #expect(diagnostics(RunOptions(notebookPath: sandbox.root + "/nb.md"), in: sandbox) == [
            "nb.md: error: cannot read the notebook: permission denied"
        ])
    }

    @Test func parameterFileGetsTheSameReasons() throws {
        let sandbox = try Sandbox()
        try sandbox.write("---\nparams:\n  depth: 3\n---\nText.\n", to: "nb.md")
        try Data([0x64, 0x3A, 0x20, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: sandbox.root + "/p.yaml"))
        var options = RunOptions(notebookPath: sandbox.root + "/nb.md")
        options.parameterFile = sandbox.root + "/p.yaml"
        #expect(diagnostics(options, in: sandbox) == [
            "p.yaml: error: cannot read the parameter file: invalid UTF-8 at byte 3 (line 1)"
        ])
    }
}
