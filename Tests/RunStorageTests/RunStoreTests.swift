import Foundation
import Testing
@testable import RunStorage

/// A store file in a fresh temporary folder, removed afterwards.
final class StoreFolder {
    let root = NSTemporaryDirectory() + "labbook-store-" + UUID().uuidString
    var path: String { root + "/state/labbook.sqlite" }
    deinit { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct RunStoreTests {
    static func sample(notebook: String = "notebooks/income.md", process: RunProcess = .current) -> RunRecord {
        RunRecord(
            notebookPath: notebook, notebookHash: "sha256:abc", parameters: [RunParameter(name: "depth", value: "6")],
            seed: 42, keyMetric: "roc_auc", engineVersion: "0.1.0",
            machine: RunMachine(osName: "Linux", osVersion: "6.1", cpuCount: 2), process: process,
            startedAt: Date(timeIntervalSince1970: 1_700_000_000), status: .running)
    }

    static func finished(_ record: RunRecord, id: Int64) -> RunRecord {
        var record = record
        record.id = id
        record.steps = [
            RunStep(position: 1, kind: "load", label: "census", status: .ran, seconds: 0.25, peakMemoryBytes: 1 << 20),
            RunStep(position: 2, kind: "train", label: "tree", cacheKey: "sha256:k", status: .cached, seconds: 0.5, peakMemoryBytes: 2 << 20),
            RunStep(position: 3, kind: "evaluate", label: "tree", status: .failed, seconds: 0.125, peakMemoryBytes: 2 << 20, message: "boom"),
        ]
        record.inputs = [RunInput(path: "data/adult.csv", fingerprint: "sha256:def")]
        record.metrics = [
            RunMetric(model: "tree", dataset: "census.test", metric: "roc_auc", value: 0.875),
            RunMetric(model: "logistic", dataset: "census.test", metric: "roc_auc", value: 0.9),
        ]
        record.deployments = [RunDeployment(name: "income", version: 3)]
        record.driftVerdicts = [
            RunDriftVerdict(current: "data/new.csv", reference: "census.train", drifted: true, driftedShare: 0.5, driftedFeatures: ["age", "hours"]),
        ]
        record.exitCode = 1
        record.endedAt = Date(timeIntervalSince1970: 1_700_000_004)
        record.status = .finished
        return record
    }

    @Test func aRunRoundTrips() throws {
        let folder = StoreFolder()
        let store = try RunStore(path: folder.path)
        let id = try store.begin(Self.sample())
        #expect(try store.run(id: id)?.status == .running)
        #expect(try store.run(id: id)?.parameters == [RunParameter(name: "depth", value: "6")])
        let record = Self.finished(Self.sample(), id: id)
        try store.finish(record)
        let reopened = try RunStore(path: folder.path)
        #expect(try reopened.run(id: id) == record)
        #expect(try reopened.run(id: id)?.seconds == 4)
        #expect(try reopened.run(id: id)?.headline?.model == "logistic")
        #expect(try reopened.runs(notebook: "notebooks/other.md").isEmpty)
        #expect(try reopened.runs().map(\.id) == [id])
        #expect(try reopened.run(id: id + 1) == nil)
    }

    @Test func migrationsRunOnAnEmptyFile() throws {
        let folder = StoreFolder()
        try FileManager.default.createDirectory(atPath: folder.root + "/state", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder.path, contents: Data()))
        let store = try RunStore(path: folder.path)
        #expect(try store.runs().isEmpty)
        #expect(try store.begin(Self.sample()) == 1)
        // Opening again applies nothing twice.
        #expect(try RunStore(path: folder.path).runs().count == 1)
    }

    @Test func aFileThatIsNotADatabaseGivesAPlainError() throws {
        let folder = StoreFolder()
        try FileManager.default.createDirectory(atPath: folder.root + "/state", withIntermediateDirectories: true)
        try Data(String(repeating: "not sqlite ", count: 100).utf8).write(to: URL(fileURLWithPath: folder.path))
        #expect(throws: RunStoreError.self) { try RunStore(path: folder.path) }
    }

    @Test func aRunningRowWhoseProcessIsGoneReadsAsInterrupted() throws {
        let folder = StoreFolder()
        let store = try RunStore(path: folder.path)
        let alive = try store.begin(Self.sample())
        var current = RunProcess.current
        current.startTicks += 1  // the same pid, but a later process: the id was recycled
        let recycled = try store.begin(Self.sample(process: current))
        let rebooted = try store.begin(Self.sample(process: RunProcess(pid: getpid(), bootID: "an-earlier-boot")))
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = try store.begin(Self.sample(process: RunProcess(pid: finished.processIdentifier)))
        #expect(try store.run(id: alive)?.status == .running)
        #expect(try store.run(id: dead)?.status == .interrupted)
        #expect(try store.run(id: rebooted)?.status == .interrupted)
        #if os(Linux)
        #expect(try store.run(id: recycled)?.status == .interrupted)
        #endif
    }

    @Test func twoConnectionsWritingAtOnceLoseNoRow() throws {
        let folder = StoreFolder()
        let path = folder.path
        _ = try RunStore(path: path)
        let perThread = 40
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            do {
                let store = try RunStore(path: path)
                for index in 0..<perThread {
                    var record = Self.sample(notebook: "nb\(thread).md")
                    let id = try store.begin(record)
                    record = Self.finished(record, id: id)
                    record.exitCode = Int32(index)
                    try store.finish(record)
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        let runs = try RunStore(path: folder.path).runs()
        #expect(runs.count == 2 * perThread)
        #expect(runs.allSatisfy { $0.status == .finished && $0.steps.count == 3 && $0.metrics.count == 2 })
        #expect(try RunStore(path: folder.path).runs(notebook: "nb1.md").map(\.exitCode) == (0..<perThread).map { Int32($0) })
    }

    @Test func compareShowsParamsAndMetricsDiffs() {
        var old = Self.finished(Self.sample(), id: 3)
        var new = Self.finished(Self.sample(), id: 5)
        new.parameters = [RunParameter(name: "depth", value: "12"), RunParameter(name: "rate", value: "0.1")]
        new.metrics[0].value = 0.8790
        new.metrics.remove(at: 1)
        new.metrics.append(RunMetric(model: "tree", dataset: "census.test", metric: "accuracy", value: 0.85))
        old.metrics.append(RunMetric(model: "tree", dataset: "census.test", metric: "f1", value: 0.7))
        let text = RunComparison(old: old, new: new).render()
        #expect(
            text == """
                Params (run 3 → run 5)
                name   old  new
                depth  6    12
                rate   —    0.1

                Metrics (run 3 → run 5)
                model     data         metric       old     new   change
                tree      census.test  roc_auc   0.8750  0.8790  +0.0040
                tree      census.test  accuracy       —  0.8500        —
                logistic  census.test  roc_auc   0.9000       —        —
                tree      census.test  f1        0.7000       —        —
                """)
        #expect(RunComparison(old: old, new: old).render().hasPrefix("Params (run 3 → run 3): no changes"))
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
