import Foundation
import Testing
@testable import NotebookRunner

/// The example notebook renders exactly the committed reports (the README's promise).
@Suite struct DemoNotebookTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test(.enabled(if: FileManager.default.currentDirectoryPath == DemoNotebookTests.packageRoot, "tests must run from the package root"))
    func incomeNotebookRendersTheCommittedReports() throws {
        let output = NSTemporaryDirectory() + "labbook-demo-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = Runner.run(
            RunOptions(notebookPath: "notebooks/income.md", outputDirectory: output, stateDirectory: output + "/state"))
        #expect(outcome.exitCode == 0)
        #expect(!outcome.steps.isEmpty && outcome.steps.allSatisfy { $0.status == .ran })
        for file in ["income.md", "income.html", "income.run.json"] {
            let rendered = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            let committed = try String(contentsOfFile: "reports/" + file, encoding: .utf8)
            #expect(rendered == committed, "reports/\(file) is stale: rerun scripts/render-examples.sh")
        }
    }
}
