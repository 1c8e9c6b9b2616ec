import Foundation
import Testing
@testable import NotebookRunner

/// The directive cache end to end: what a rerun executes, and that reports built from the
/// cache are byte-identical to fresh ones.
@Suite struct CacheRunTests {
    typealias Status = RunOutcome.Step.Status

    func makeSandbox() throws -> Sandbox { try RunnerTests().makeSandbox() }

    /// `kind label` of the steps with `status`.
    static func steps(_ outcome: RunOutcome, _ status: Status) -> Set<String> {
        Set(outcome.steps.filter { $0.status == status }.map { "\($0.kind) \($0.label ?? "")" })
    }

    static let all: Set<String> = [
        "load workers", "explore workers", "train tree", "train logistic", "evaluate tree, logistic",
        "deploy workers-model", "monitor data/current.csv",
    ]

    func reports(_ sandbox: Sandbox) throws -> [String] {
        [try sandbox.read("reports/notebook.md"), try sandbox.read("reports/notebook.html")]
    }

    @Test func aSecondRunIsServedFromTheCacheAndIsByteIdentical() throws {
        let sandbox = try makeSandbox()
        let first = sandbox.run(useCache: true)
        #expect(first.exitCode == 0)
        #expect(Self.steps(first, .ran) == Self.all)
        #expect(first.steps.allSatisfy { $0.key?.hasPrefix("sha256:") == true })
        let fresh = try reports(sandbox)
        let second = sandbox.run(useCache: true)
        #expect(second.exitCode == 0)
        #expect(Self.steps(second, .cached) == Self.all)
        #expect(second.steps.map(\.key) == first.steps.map(\.key))
        #expect(try reports(sandbox) == fresh)
        #expect(sandbox.exists(".labbook/cache/objects"))
    }

    @Test func aProseEditExecutesNothing() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        try sandbox.write(
            RunnerTests.fullNotebook.replacingOccurrences(of: "Some **prose**", with: "Edited *prose*"), to: "notebook.md")
        let outcome = sandbox.run(useCache: true)
        #expect(Self.steps(outcome, .ran).isEmpty)
        #expect(Self.steps(outcome, .cached) == Self.all)
        let cached = try reports(sandbox)
        #expect(cached[0].contains("Edited *prose*"))
        #expect(sandbox.run(useCache: false).exitCode == 0)
        #expect(try reports(sandbox) == cached)
    }

    @Test func aParameterChangeRerunsTheDirectivesUsingItAndTheirDependants() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        let outcome = sandbox.run(overrides: [("depth", "5")], useCache: true)
        #expect(outcome.exitCode == 0)
        #expect(Self.steps(outcome, .ran) == ["train tree", "evaluate tree, logistic", "deploy workers-model", "monitor data/current.csv"])
        #expect(Self.steps(outcome, .cached) == ["load workers", "explore workers", "train logistic"])
        #expect(!sandbox.exists(".labbook/registry/workers-model/2"), "the restored model equals the registered one")
        let cached = try reports(sandbox)
        #expect(sandbox.run(overrides: [("depth", "5")], useCache: false).exitCode == 0)
        #expect(try reports(sandbox) == cached)
        #expect(Self.steps(sandbox.run(useCache: true), .ran).isEmpty, "the first parameter set is still cached")
    }

    @Test func aDataChangeRerunsExactlyTheDirectivesDownstreamOfIt() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        try sandbox.write(Sandbox.workersCSV(rows: 150, shift: 1), to: "data/current.csv")
        let current = sandbox.run(useCache: true)
        #expect(Self.steps(current, .ran) == ["monitor data/current.csv"])
        #expect(Self.steps(current, .cached) == Self.all.subtracting(["monitor data/current.csv"]))
        try sandbox.write(Sandbox.workersCSV(rows: 380), to: "data/workers.csv")
        #expect(Self.steps(sandbox.run(useCache: true), .ran) == Self.all)
    }

    @Test func anUpstreamSpecChangeRerunsItsDependantsOnly() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        try sandbox.write(
            RunnerTests.fullNotebook.replacingOccurrences(of: "model: logistic_regression", with: "model: logistic_regression\nparams: {C: 0.5}"),
            to: "notebook.md")
        let outcome = sandbox.run(useCache: true)
        #expect(Self.steps(outcome, .ran) == ["train logistic", "evaluate tree, logistic", "deploy workers-model", "monitor data/current.csv"])
        let cached = try reports(sandbox)
        #expect(sandbox.run(useCache: false).exitCode == 0)
        #expect(try reports(sandbox) == cached)
    }

    @Test func noCacheExecutesEverythingAndWritesNothingToTheCache() throws {
        let sandbox = try makeSandbox()
        let cache = sandbox.root + "/.labbook/cache"
        let outcome = sandbox.run(useCache: false)
        #expect(Self.steps(outcome, .ran) == Self.all)
        #expect(Self.files(in: cache).isEmpty)
        #expect(Self.steps(sandbox.run(useCache: false), .ran) == Self.all)
        #expect(Self.steps(sandbox.run(useCache: true), .ran) == Self.all, "--no-cache stored nothing")
        let before = Self.files(in: cache)
        #expect(!before.isEmpty)
        let fresh = try reports(sandbox)
        #expect(Self.steps(sandbox.run(useCache: false), .ran) == Self.all)
        #expect(Self.files(in: cache) == before, "--no-cache left the cache exactly as it was")
        #expect(try reports(sandbox) == fresh)
        #expect(Self.steps(sandbox.run(useCache: true), .cached) == Self.all)
    }

    /// Every file under `folder` (relative path and bytes), sorted.
    static func files(in folder: String) -> [String: Data] {
        let paths = FileManager.default.enumerator(atPath: folder)?.allObjects.compactMap { $0 as? String } ?? []
        var files: [String: Data] = [:]
        for path in paths { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        return files.filter { !$0.key.isEmpty }
    }

    @Test func damagedObjectsMeanARerunNotACrash() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        let fresh = try reports(sandbox)
        let objects = sandbox.root + "/.labbook/cache/objects"
        for (index, name) in try FileManager.default.contentsOfDirectory(atPath: objects).enumerated() {
            let url = URL(fileURLWithPath: objects + "/" + name)
            var bytes = try Data(contentsOf: url)
            if index % 2 == 0, !bytes.isEmpty {
                bytes[bytes.count - 1] ^= 0x01  // same size, one bit off
            } else {
                bytes = Data("garbage".utf8)
            }
            try bytes.write(to: url)
        }
        let outcome = sandbox.run(useCache: true)
        #expect(outcome.exitCode == 0)
        #expect(Self.steps(outcome, .ran) == Self.all)
        #expect(try reports(sandbox) == fresh)
        #expect(Self.steps(sandbox.run(useCache: true), .cached) == Self.all, "the rerun repaired the cache")
    }

    @Test func damagedEntriesAndFingerprintMemosMeanARerunNotACrash() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        let fresh = try reports(sandbox)
        let cache = sandbox.root + "/.labbook/cache"
        for name in try FileManager.default.contentsOfDirectory(atPath: cache + "/entries") {
            try Data("{\"formatVersion\": 1, \"key\": [".utf8).write(to: URL(fileURLWithPath: cache + "/entries/" + name))
        }
        try Data("not json".utf8).write(to: URL(fileURLWithPath: cache + "/fingerprints.json"))
        let outcome = sandbox.run(useCache: true)
        #expect(outcome.exitCode == 0)
        #expect(Self.steps(outcome, .ran) == Self.all)
        #expect(try reports(sandbox) == fresh)
    }

    @Test func aDamagedDatasetIsRebuiltByRunningItsLoadAgain() throws {
        let sandbox = try makeSandbox()
        let first = sandbox.run(useCache: true)
        #expect(first.exitCode == 0)
        let store = CacheStore(stateDirectory: sandbox.root + "/.labbook")
        let load = try #require(first.steps[0].key.flatMap(store.entry))
        guard case .dataset(let dataset)? = load.artifacts.first else {
            Issue.record("the load entry stores no dataset")
            return
        }
        let frame = dataset.frame
        try FileManager.default.removeItem(atPath: store.objectsFolder + "/" + frame)
        try sandbox.write(
            RunnerTests.fullNotebook.replacingOccurrences(of: "show: [summary, missing,", with: "show: [missing, summary,"),
            to: "notebook.md")
        let outcome = sandbox.run(useCache: true)
        #expect(outcome.exitCode == 0)
        #expect(Self.steps(outcome, .ran) == ["load workers", "explore workers"])
        let cached = try reports(sandbox)
        #expect(sandbox.run(useCache: false).exitCode == 0)
        #expect(try reports(sandbox) == cached)
    }

    @Test func aCachedDeployRunsAgainWhenTheRegistryWasWiped() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        let fresh = try reports(sandbox)
        try FileManager.default.removeItem(atPath: sandbox.root + "/.labbook/registry")
        let outcome = sandbox.run(useCache: true)
        #expect(outcome.exitCode == 0)
        #expect(Self.steps(outcome, .ran) == ["deploy workers-model"])
        #expect(sandbox.exists(".labbook/registry/workers-model/1/model.json"))
        #expect(try sandbox.read(".labbook/registry/workers-model/aliases/production").hasPrefix("1\n"))
        #expect(try reports(sandbox) == fresh)
        #expect(Self.steps(sandbox.run(useCache: true), .cached) == Self.all)
    }

    @Test func cleanKeepsWhatTheLatestRunUses() throws {
        let sandbox = try makeSandbox()
        #expect(sandbox.run(useCache: true).exitCode == 0)
        try sandbox.write(
            RunnerTests.fullNotebook.replacingOccurrences(of: "show: [summary, missing,", with: "show: [missing, summary,"),
            to: "notebook.md")
        #expect(Self.steps(sandbox.run(useCache: true), .ran) == ["explore workers"])
        let state = CacheMaintenance.stateDirectory(forNotebook: sandbox.root + "/notebook.md")
        let result = CacheMaintenance.clean(stateDirectory: state, keeping: [sandbox.root + "/notebook.md"])
        #expect(result.removedEntries == 1)
        #expect(result.removedObjects == 1)
        #expect(result.keptEntries == 7)
        #expect(result.freedBytes > 0)
        #expect(Self.steps(sandbox.run(useCache: true), .cached) == Self.all)
        #expect(CacheMaintenance.clean(stateDirectory: state, keeping: nil).removedEntries == 0)
        let wiped = CacheMaintenance.removeAll(stateDirectory: state)
        #expect(wiped.removedEntries == 7)
        #expect(!sandbox.exists(".labbook/cache"))
        #expect(Self.steps(sandbox.run(useCache: true), .ran) == Self.all)
    }

    @Test(.enabled(if: FileManager.default.currentDirectoryPath == DemoNotebookTests.packageRoot, "tests must run from the package root"))
    func theDemoNotebookFromTheCacheMatchesTheCommittedReports() throws {
        let output = NSTemporaryDirectory() + "labbook-demo-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = RunOptions(notebookPath: "notebooks/income.md", outputDirectory: output, stateDirectory: output + "/state")
        options.recordsRun = false  // a recorded second run would gain a history section
        let fresh = Runner.run(options)
        #expect(fresh.steps.count == 8 && fresh.steps.allSatisfy { $0.status == .ran })
        let cached = Runner.run(options)
        #expect(cached.exitCode == 0)
        #expect(cached.steps.count == 8 && cached.steps.allSatisfy { $0.status == .cached })
        for file in ["income.md", "income.html"] {
            let rendered = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            let committed = try String(contentsOfFile: "reports/" + file, encoding: .utf8)
            #expect(rendered == committed, "the cached \(file) differs from reports/\(file)")
        }
    }
}

extension Sandbox {
    func run(overrides: [(name: String, value: String)] = [], useCache: Bool) -> RunOutcome {
        var options = RunOptions(
            notebookPath: root + "/notebook.md", outputDirectory: root + "/reports", parameterOverrides: overrides)
        options.useCache = useCache
        options.recordsRun = false  // a recorded run's history section would differ from a fresh run's
        return Runner.run(options)
    }
}
