import Foundation
import MLEngine
import NotebookFormat
import Reports
import Testing
@testable import NotebookRunner

/// The runner core with directives that exist only in this test: a directive is a value that
/// returns a `DirectiveResult`, and the execution, the cache and the report take any such result
/// without knowing the directive's type.
@Suite struct ExecutionTests {
    /// Defines a dataset of `rows` rows and records one metric and one file read.
    struct MakeRows: Directive {
        static let kind = "explore"
        static let keys: [String] = []
        var name: String
        var rows: Int
        init?(spec: SpecReader, plan: PlanContext) { nil }
        init(name: String, rows: Int) {
            self.name = name
            self.rows = rows
        }
        var label: String? { name }
        var inputs: [String] { [] }
        var outputs: [String] { [name] }
        var defines: [WorkspaceName] { [.dataset(name)] }

        func execute(in context: DirectiveContext) throws -> DirectiveResult {
            let frame = DataFrame(columns: [.numeric(NumericColumn(name: "x", values: (0..<rows).map(Double.init)))])
            let dataset = LoadedDataset(
                name: name, path: "made.csv", frame: frame,
                fingerprint: DatasetFingerprint(contentHex: String(repeating: "0", count: 64), frame: frame))
            var result = DirectiveResult(outputs: [.text("made \(rows) rows")], artifacts: [.dataset(dataset)])
            result.facts.evaluations.append(MetricRecord(model: name, dataset: "", metrics: ["rows": Double(rows)]))
            result.facts.recordFile("made.csv", fingerprint: "sha256:made")
            return result
        }
    }

    /// Reads a dataset another directive defined and reports its size.
    struct CountRows: Directive {
        static let kind = "explore"
        static let keys: [String] = []
        var data: String
        init?(spec: SpecReader, plan: PlanContext) { nil }
        init(data: String) { self.data = data }
        var label: String? { data }
        var inputs: [String] { [data] }
        var outputs: [String] { [] }

        func execute(in context: DirectiveContext) throws -> DirectiveResult {
            DirectiveResult(outputs: [.text("\(try context.dataset(data).frame.rowCount) rows")])
        }
    }

    /// Sleeps, then defines a dataset: with a time limit its late result must never arrive.
    struct Slow: Directive {
        static let kind = "explore"
        static let keys: [String] = []
        init?(spec: SpecReader, plan: PlanContext) { nil }
        init() {}
        var label: String? { "slow" }
        var inputs: [String] { [] }
        var outputs: [String] { ["slow"] }
        var defines: [WorkspaceName] { [.dataset("slow")] }

        func execute(in context: DirectiveContext) throws -> DirectiveResult {
            Thread.sleep(forTimeInterval: 0.3)
            return try MakeRows(name: "slow", rows: 1).execute(in: context)
        }
    }

    /// A plan of `directives`, one `explore` cell each (the cells only give places and sources).
    static func plan(_ directives: [any Directive]) -> NotebookPlan {
        let source = directives.map { _ in "```explore\ndata: x\n```\n" }.joined()
        let made = NotebookPlan.make(source: source, path: "nb.md", overrides: [])
        let cells = made.notebook.directives
        return NotebookPlan(
            notebook: made.notebook, steps: zip(cells, directives).map { NotebookPlan.Step(cell: $0, directive: $1) },
            diagnostics: [])
    }

    static func context(_ root: String) -> RunContext {
        RunContext(
            paths: NotebookPaths(notebook: root + "/nb.md"), notebookHash: "sha256:test", seed: 1, reportTimings: false)
    }

    static func cache(_ plan: NotebookPlan, root: String) -> DirectiveCache {
        let keys = plan.steps.indices.map { "sha256:" + Digest.sha256Hex("step \($0)") }
        return DirectiveCache(
            store: CacheStore(root: root + "/cache"), plan: plan, registry: context(root).registry, keys: keys,
            useCache: true)
    }

    @Test func resultsAreAppliedAndReadInDocumentOrder() throws {
        let sandbox = try Sandbox()
        let plan = Self.plan([MakeRows(name: "a", rows: 3), CountRows(data: "a"), MakeRows(name: "b", rows: 5)])
        let execution = Execution.perform(plan, run: Self.context(sandbox.root))
        #expect(execution.exitCode == 0)
        #expect(execution.steps.map(\.status) == [.ran, .ran, .ran])
        #expect(execution.steps[1].outputs == [.text("3 rows")])
        #expect(execution.steps.evaluations.map(\.model) == ["a", "b"])
        #expect(execution.steps.filesRead == [FileRead(path: "made.csv", fingerprint: "sha256:made")])
        #expect(execution.workspace.datasets.keys.sorted() == ["a", "b"])
    }

    @Test func theCacheStoresAndRestoresAnyDirectivesResult() throws {
        let sandbox = try Sandbox()
        let plan = Self.plan([MakeRows(name: "a", rows: 4), CountRows(data: "a")])
        let first = Execution.perform(plan, run: Self.context(sandbox.root), cache: Self.cache(plan, root: sandbox.root))
        #expect(first.steps.map(\.status) == [.ran, .ran])

        // Both hits: nothing is restored, the facts come back from the entries.
        let second = Execution.perform(plan, run: Self.context(sandbox.root), cache: Self.cache(plan, root: sandbox.root))
        #expect(second.steps.map(\.status) == [.cached, .cached])
        #expect(second.steps.map(\.facts) == first.steps.map(\.facts))
        #expect(second.steps.map(\.outputs) == first.steps.map(\.outputs))
        #expect(second.workspace.datasets.isEmpty)

        // A new reader of `a` runs: the cached dataset is restored for it, not recomputed.
        var keys = Self.cache(plan, root: sandbox.root).keys
        keys[1] = "sha256:" + Digest.sha256Hex("changed")
        let cache = DirectiveCache(
            store: CacheStore(root: sandbox.root + "/cache"), plan: plan, registry: Self.context(sandbox.root).registry,
            keys: keys, useCache: true)
        let third = Execution.perform(plan, run: Self.context(sandbox.root), cache: cache)
        #expect(third.steps.map(\.status) == [.cached, .ran])
        #expect(third.steps[1].outputs == [.text("4 rows")])
    }

    @Test func aLateResultNeverReachesTheRun() throws {
        let sandbox = try Sandbox()
        let plan = Self.plan([Slow(), CountRows(data: "slow"), MakeRows(name: "c", rows: 2)])
        let execution = Execution.perform(
            plan, run: Self.context(sandbox.root), timeLimit: TimeLimit(directiveSeconds: 0.02))
        #expect(execution.steps.map(\.status) == [.failed, .skipped, .ran])
        Thread.sleep(forTimeInterval: 0.5)
        #expect(execution.workspace.datasets["slow"] == nil)
        #expect(execution.steps.evaluations.map(\.model) == ["c"])
    }

    @Test func aRunTimeFailureIsLocatedAtTheKeyWithItsCause() throws {
        let sandbox = try Sandbox()
        try sandbox.write("a,b\n1,2\n3,x\n", to: "data.csv")
        try sandbox.write(
            String.notebook("# t", "", "```load", "name: d", "from: data.csv", "types: {b: numeric}", "```"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 1)
        let failure = try #require(outcome.steps.first?.failure)
        #expect(failure.location == SourceLocation(line: 5, column: 7))
        #expect(failure.message == "load `d` failed: cannot load `data.csv`")
        #expect(failure.sourceLine == "from: data.csv")
        #expect(failure.hint?.hasPrefix("cause: ") == true)
        #expect(failure.hint?.contains("data.csv:3") == true)
        #expect(failure.file.hasSuffix("notebook.md"))
    }
}
