import Foundation
import Testing
@testable import NotebookRunner
import NotebookFormat

/// What changes a directive's cache key and what must not.
@Suite struct CacheKeyTests {
    static let notebook = String.notebook(
        "---", "title: Keys", "seed: 3", "params:", "  depth: 3", "  unused: 1", "---",
        "Prose before.", "",
        "```load", "name: workers", "from: data/workers.csv", "target: y", "positive: \"yes\"",
        "split: {test: 0.25, stratify: true}", "```", "",
        "```explore", "data: workers", "show: [summary, target]", "```", "",
        "```train", "name: tree", "data: workers", "model: decision_tree", "params: {max_depth: \"${depth}\"}", "```", "",
        "```train", "name: logistic", "data: workers", "model: logistic_regression", "```", "",
        "```evaluate", "models: [tree, logistic]", "expect: {roc_auc: \">= 0.5\", f1: \">= 0.1\"}", "```", "",
        "```deploy", "model: logistic", "as: workers-model", "```", "",
        "```monitor", "model: workers-model", "current: data/current.csv", "```", "",
        "Prose after.")

    /// The keys of `source`'s steps, by kind and label (`train tree`), with stub fingerprints.
    static func keys(
        _ source: String, overrides: [(name: String, value: String)] = [], seed: UInt64? = nil,
        files: [String: String] = [:]
    ) throws -> [String: String] {
        let sandbox = try Sandbox()
        try sandbox.write("x,y\n1,yes\n", to: "data/workers.csv")
        try sandbox.write("x,y\n1,yes\n", to: "data/current.csv")
        let plan = NotebookPlan.make(source: source, path: sandbox.root + "/notebook.md", overrides: overrides)
        #expect(plan.isValid, "\(plan.diagnostics.map(\.description))")
        let keys = CacheKeys.compute(plan, seed: seed ?? plan.notebook.frontMatter.seed) { path in
            files[path] ?? "sha256:" + String(repeating: "0", count: 64)
        }
        var named: [String: String] = [:]
        for (step, key) in zip(plan.steps, keys) {
            named["\(step.cell.kind) \(step.directive.label ?? "")"] = key
        }
        return named
    }

    static func changed(_ a: [String: String], _ b: [String: String]) -> Set<String> {
        Set(a.keys.filter { a[$0] != b[$0] })
    }

    static let all: Set<String> = [
        "load workers", "explore workers", "train tree", "train logistic", "evaluate tree, logistic",
        "deploy workers-model", "monitor data/current.csv",
    ]

    @Test func everyDirectiveHasAKeyOfTheRightShape() throws {
        let keys = try Self.keys(Self.notebook)
        #expect(Set(keys.keys) == Self.all)
        for key in keys.values {
            #expect(key.hasPrefix("sha256:") && key.count == 71)
        }
        #expect(Set(keys.values).count == keys.count)
    }

    @Test func proseCommentsFormattingAndKeyOrderDoNotChangeKeys() throws {
        let base = try Self.keys(Self.notebook)
        let prose = Self.notebook.replacingOccurrences(of: "Prose before.", with: "Completely *different* prose.\n\nMore.")
        #expect(try Self.keys(prose) == base)
        let reformatted = Self.notebook
            .replacingOccurrences(of: "split: {test: 0.25, stratify: true}", with: "split:\n  test: 0.25   # a quarter\n  stratify: true")
            .replacingOccurrences(of: "name: workers\nfrom: data/workers.csv", with: "# the data\nfrom:   'data/workers.csv'\nname: workers")
            .replacingOccurrences(of: "show: [summary, target]", with: "show:\n  - summary\n  - target")
        #expect(reformatted != Self.notebook)
        #expect(try Self.keys(reformatted) == base)
    }

    @Test func aSpecValueChangesItsKeyAndEverythingDownstream() throws {
        let base = try Self.keys(Self.notebook)
        let split = Self.notebook.replacingOccurrences(of: "test: 0.25", with: "test: 0.3")
        #expect(Self.changed(base, try Self.keys(split)) == Self.all)
        let threshold = Self.notebook.replacingOccurrences(of: "models: [tree, logistic]", with: "models: [tree, logistic]\nthreshold: 0.4")
        #expect(Self.changed(base, try Self.keys(threshold)) == ["evaluate tree, logistic", "deploy workers-model", "monitor data/current.csv"])
    }

    @Test func nestedOrderThatShowsInTheReportChangesTheKey() throws {
        let base = try Self.keys(Self.notebook)
        let swapped = Self.notebook.replacingOccurrences(
            of: "expect: {roc_auc: \">= 0.5\", f1: \">= 0.1\"}", with: "expect: {f1: \">= 0.1\", roc_auc: \">= 0.5\"}")
        #expect(Self.changed(base, try Self.keys(swapped)).contains("evaluate tree, logistic"))
    }

    @Test func anUnrelatedDirectiveLeavesOthersAlone() throws {
        let base = try Self.keys(Self.notebook)
        let explore = Self.notebook.replacingOccurrences(of: "show: [summary, target]", with: "show: [summary, missing]")
        #expect(Self.changed(base, try Self.keys(explore)) == ["explore workers"])
        let added = Self.notebook.replacingOccurrences(
            of: "Prose after.", with: "```train\nname: extra\ndata: workers\nmodel: decision_tree\n```\n")
        let withExtra = try Self.keys(added)
        #expect(Self.changed(base, withExtra).isEmpty)
        #expect(withExtra["train extra"] != nil)
    }

    @Test func aParameterChangesOnlyTheDirectivesThatUseIt() throws {
        let base = try Self.keys(Self.notebook)
        let depth = try Self.keys(Self.notebook, overrides: [("depth", "5")])
        #expect(Self.changed(base, depth) == ["train tree", "evaluate tree, logistic", "deploy workers-model", "monitor data/current.csv"])
        #expect(try Self.keys(Self.notebook, overrides: [("unused", "2")]) == base)
        let literal = Self.notebook.replacingOccurrences(of: "\"${depth}\"", with: "3")
        #expect(try Self.keys(literal) == base, "a parameter is substituted before hashing")
    }

    @Test func fileContentChangesExactlyTheDirectivesDownstreamOfIt() throws {
        let base = try Self.keys(Self.notebook)
        let other = "sha256:" + String(repeating: "1", count: 64)
        #expect(Self.changed(base, try Self.keys(Self.notebook, files: ["data/workers.csv": other])) == Self.all)
        #expect(Self.changed(base, try Self.keys(Self.notebook, files: ["data/current.csv": other])) == ["monitor data/current.csv"])
    }

    @Test func theSeedChangesEveryKey() throws {
        let base = try Self.keys(Self.notebook)
        #expect(Self.changed(base, try Self.keys(Self.notebook, seed: 4)) == Self.all)
    }

    @Test func theEngineVersionAndOptionsChangeTheKey() {
        let body = SpecNode(.map([]), at: SourceLocation(line: 1, column: 1))
        let base = CacheKey(kind: "train", spec: body, upstream: ["sha256:a"], files: [], seed: 1)
        var engine = base
        engine.engineVersion = "99.0.0"
        #expect(engine.value != base.value)
        let timed = CacheKey(kind: "train", spec: body, upstream: ["sha256:a"], files: [], seed: 1, options: ["timings=true"])
        #expect(timed.value != base.value)
        let upstream = CacheKey(kind: "train", spec: body, upstream: ["sha256:b"], files: [], seed: 1)
        #expect(upstream.value != base.value)
        let kind = CacheKey(kind: "explore", spec: body, upstream: ["sha256:a"], files: [], seed: 1)
        #expect(kind.value != base.value)
        #expect(CacheKey(kind: "train", spec: body, upstream: ["sha256:a"], files: [], seed: 1).value == base.value)
    }

    @Test func deployDependsOnTheEvaluationOfItsModel() throws {
        let base = try Self.keys(Self.notebook)
        let metrics = Self.notebook.replacingOccurrences(of: "models: [tree, logistic]", with: "models: [tree, logistic]\nmetrics: [f1, roc_auc]")
        #expect(Self.changed(base, try Self.keys(metrics)).contains("deploy workers-model"))
    }
}
