import Foundation
import Testing
@testable import NotebookRunner
import RunStorage

@Suite struct NotebookPathsTests {
    @Test func displayPathsAreNormalisedOnce() {
        #expect(NotebookPaths.displayPath(for: "./notebooks/income.md") == "notebooks/income.md")
        #expect(NotebookPaths.displayPath(for: "notebooks//./income.md") == "notebooks/income.md")
        #expect(NotebookPaths.displayPath(for: "notebooks/x/../income.md") == "notebooks/income.md")
        #expect(NotebookPaths.displayPath(for: "../other/nb.md") == "../other/nb.md")
        #expect(NotebookPaths.displayPath(for: "/work/main/./notebooks/income.md", currentDirectory: "/work/main") == "notebooks/income.md")
        #expect(NotebookPaths.displayPath(for: "/elsewhere/nb.md", currentDirectory: "/work/main") == "nb.md")
        #expect(NotebookPaths.displayPath(for: "/work/mainline/nb.md", currentDirectory: "/work/main") == "nb.md")
    }

    @Test func everyPathComesFromOneValue() {
        let paths = NotebookPaths(notebook: "./notebooks/income.md", outputDirectory: "out")
        #expect(paths.displayPath == "notebooks/income.md")
        #expect(paths.baseDirectory == "./notebooks")
        #expect(paths.stateDirectory == "./notebooks/.labbook")
        #expect(paths.reportFiles == ["out/income.html", "out/income.md", "out/income.run.json"])
        let run = paths.renamed("income--depth=4")
        #expect(run.manifestName == "income--depth=4.run.json")
        #expect(run.displayPath == "notebooks/income.md")
        #expect(NotebookPaths(notebook: "nb.md").baseDirectory == ".")
    }

    /// `labbook run ./x.md` and `labbook runs x.md` name the same notebook in the store.
    @Test func aRunIsFoundUnderEitherSpellingOfItsPath() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 120), to: "data/workers.csv")
        try sandbox.write(
            .notebook("```load", "name: w", "from: data/workers.csv", "target: y", "positive: \"yes\"", "```"), to: "notebook.md")
        let outcome = Runner.run(RunOptions(notebookPath: sandbox.root + "/./notebook.md", outputDirectory: sandbox.root + "/reports"))
        #expect(outcome.exitCode == 0)
        let store = try RunStore(path: sandbox.root + "/.labbook/labbook.sqlite")
        #expect(try store.runs(notebook: NotebookPaths.displayPath(for: sandbox.root + "/notebook.md")).count == 1)
    }

    /// Each run of a sweep links its own manifest, not the plain notebook's.
    @Test func sweepRunsLinkTheirOwnManifest() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 200), to: "data/workers.csv")
        try sandbox.write(SweepTests.notebook, to: "notebook.md")
        let options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        let outcome = Runner.sweep(options, sweep: try Sweep(arguments: ["depth=1,2"]))
        #expect(outcome.exitCode == 0)
        for name in ["notebook--depth=1", "notebook--depth=2"] {
            let markdown = try sandbox.read("reports/\(name).md")
            let html = try sandbox.read("reports/\(name).html")
            #expect(markdown.contains("\(name).run.json"))
            #expect(html.contains("href=\"\(name).run.json\""))
            #expect(!markdown.contains("](notebook.run.json)") && !html.contains("href=\"notebook.run.json\""))
        }
    }
}
