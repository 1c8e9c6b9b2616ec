import Foundation
import Testing
@testable import NotebookRunner

@Suite struct VerifyTests {
    static let notebook = String.notebook(
        "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"", "split: {test: 0.25}", "```",
        "```train", "name: tree", "data: workers", "model: decision_tree", "```",
        "```evaluate", "models: [tree]", "```",
        "```deploy", "model: tree", "as: workers-model", "```")

    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 300), to: "data/workers.csv")
        try sandbox.write(Self.notebook, to: "notebook.md")
        return sandbox
    }

    @Test func aDeterministicNotebookIsReproducibleAndLeavesNothingBehind() throws {
        let sandbox = try sandbox()
        let outcome = Runner.verify(RunOptions(notebookPath: sandbox.root + "/notebook.md"))
        #expect(outcome.diagnostics == [])
        #expect(outcome.difference == nil)
        #expect(outcome.exitCode == 0)
        #expect(outcome.runs.count == 3)
        #expect(outcome.comparedFiles == ["notebook.html", "notebook.md", "notebook.run.json"])
        for path in outcome.runs.flatMap(\.reportPaths) { #expect(!FileManager.default.fileExists(atPath: path)) }
        #expect(!sandbox.exists("reports"))
        #expect(!sandbox.exists(".labbook"))
    }

    /// Injected nondeterminism: the data file is rewritten whenever a `load` starts (as if another
    /// process kept appending to it), so each run reads different data. `verify` must catch it.
    @Test func dataThatChangesBetweenRunsIsCaught() throws {
        let sandbox = try sandbox()
        let root = sandbox.root
        let counter = Counter()
        let options = RunOptions(notebookPath: root + "/notebook.md", progress: { step in
            guard step.hasPrefix("load") else { return }
            let rows = 300 + counter.next()
            try? Data(Sandbox.workersCSV(rows: rows).utf8).write(to: URL(fileURLWithPath: root + "/data/workers.csv"))
        })
        let outcome = Runner.verify(options)
        #expect(outcome.exitCode == 1)
        let difference = try #require(outcome.difference)
        #expect(difference.file == "notebook.html")
        #expect(difference.runs == (1, 2))
        #expect(difference.texts.0 != difference.texts.1)
        #expect(difference.description.hasPrefix("notebook.html:\(difference.line): run 1 and run 2 differ\n  run 1: "))
    }

    @Test func theFirstDifferingLineIsFound() {
        let difference = Runner.firstDifference(file: "a.md", "x\ny\nz", "x\nY\nz", runs: (1, 3))
        #expect(difference?.line == 2)
        #expect(difference?.description == "a.md:2: run 1 and run 3 differ\n  run 1: y\n  run 3: Y")
        #expect(Runner.firstDifference(file: "a.md", "x\n", "x\n", runs: (1, 2)) == nil)
        #expect(Runner.firstDifference(file: "a.md", "x", "x\nmore", runs: (1, 2))?.texts.0 == nil)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
