import Foundation
import Testing
@testable import NotebookRunner

@Suite struct FileWatchTests {
    @Test func changesAreReportedOncePerChange() throws {
        let sandbox = try Sandbox()
        try sandbox.write("a", to: "nb.md")
        try sandbox.write("1,2\n", to: "data/d.csv")
        var watch = FileWatch(paths: [sandbox.root + "/nb.md", sandbox.root + "/data/d.csv", sandbox.root + "/nb.md"])
        #expect(watch.paths.count == 2)
        #expect(watch.poll() == [])
        try sandbox.write("1,2\n3,4\n", to: "data/d.csv")
        #expect(watch.poll() == [sandbox.root + "/data/d.csv"])
        #expect(watch.poll() == [])
        try FileManager.default.removeItem(atPath: sandbox.root + "/nb.md")
        #expect(watch.poll() == [sandbox.root + "/nb.md"])
        try sandbox.write("b", to: "nb.md")
        #expect(watch.poll() == [sandbox.root + "/nb.md"])
    }

    @Test func addedPathsStartFromTheirCurrentState() throws {
        let sandbox = try Sandbox()
        try sandbox.write("a", to: "nb.md")
        try sandbox.write("x", to: "data/d.csv")
        var watch = FileWatch(paths: [sandbox.root + "/nb.md"])
        watch.add([sandbox.root + "/data/d.csv", sandbox.root + "/nb.md"])
        #expect(watch.paths == [sandbox.root + "/nb.md", sandbox.root + "/data/d.csv"])
        #expect(watch.poll() == [])
    }

    @Test func theWatchedFilesAreTheNotebookTheParamsFileAndTheDataRead() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 20), to: "data/w.csv")
        try sandbox.write(String.notebook("```load", "name: w", "from: data/w.csv", "```"), to: "nb.md")
        try sandbox.write("", to: "p.yaml")
        var options = RunOptions(notebookPath: sandbox.root + "/nb.md", outputDirectory: sandbox.root + "/reports")
        options.parameterFile = sandbox.root + "/p.yaml"
        let outcome = Runner.run(options)
        #expect(Runner.watchedFiles(options, after: outcome) == [sandbox.root + "/nb.md", sandbox.root + "/p.yaml", sandbox.root + "/data/w.csv"])
    }
}
