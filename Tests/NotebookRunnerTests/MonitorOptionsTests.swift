import Foundation
import Testing
@testable import NotebookRunner

/// `monitor` reads its current data the way the reference was loaded.
@Suite struct MonitorOptionsTests {
    @Test func theCurrentFileIsReadWithTheReferencesOptionsAndTypes() throws {
        let sandbox = try Sandbox()
        var reference = ["zip;size;y"]
        var current = ["zip;size;y"]
        for row in 0..<200 {
            reference.append("\(["A1", "B2", "C3"][row % 3]);\(row % 17);\(row % 2 == 0 ? "yes" : "no")")
            // Every zip of the current file looks like a number: inferred alone, the column would be numeric.
            current.append("\(100 + row % 4);\(row % 17 == 3 ? "-" : String(row % 19));\(row % 3 == 0 ? "yes" : "no")")
        }
        try sandbox.write(reference.joined(separator: "\n") + "\n", to: "data/reference.csv")
        try sandbox.write(current.joined(separator: "\n") + "\n", to: "data/current.csv")
        try sandbox.write(String.notebook(
            "```load", "name: homes", "from: data/reference.csv", "delimiter: \";\"", "missing: [\"-\"]",
            "types: {zip: categorical}", "target: y", "```",
            "```monitor", "reference: homes", "current: data/current.csv", "```"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0, "\(outcome.steps.map { $0.message ?? "" })")
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("| zip | categorical |"))
        #expect(markdown.contains("categories never seen in training"))
        #expect(markdown.contains("missing share changed"))
    }
}
