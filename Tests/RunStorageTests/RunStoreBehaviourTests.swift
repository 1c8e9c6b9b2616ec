import Foundation
import Testing
@testable import RunStorage

/// What every run store must do, against SQLite and (when `LABBOOK_TEST_POSTGRES` names a
/// server) PostgreSQL: the same calls give the same records.
@Suite struct RunStoreBehaviourTests {
    @Test(arguments: StoreBackend.available)
    func aRunRoundTrips(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        let store = try scratch.open()
        let id = try store.begin(RunStoreTests.sample())
        #expect(id == 1)
        #expect(try store.run(id: id)?.status == .running)
        #expect(try store.run(id: id)?.parameters == [RunParameter(name: "depth", value: "6")])
        #expect(try store.run(id: id)?.steps.isEmpty == true)
        let record = RunStoreTests.finished(RunStoreTests.sample(), id: id)
        try store.finish(record)
        let reopened = try scratch.open()
        #expect(try reopened.run(id: id) == record)
        #expect(try reopened.run(id: id)?.seconds == 4)
        #expect(try reopened.run(id: id)?.headline?.model == "logistic")
        #expect(try reopened.runs().map(\.id) == [id])
        #expect(try reopened.run(id: id + 1) == nil)
    }

    @Test(arguments: StoreBackend.available)
    func finishingAgainReplacesTheDetails(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        let store = try scratch.open()
        let id = try store.begin(RunStoreTests.sample())
        var record = RunStoreTests.finished(RunStoreTests.sample(), id: id)
        try store.finish(record)
        record.metrics = [RunMetric(model: "tree", dataset: "census.test", metric: "accuracy", value: 0.5)]
        record.steps.removeLast()
        record.driftVerdicts = [RunDriftVerdict(current: "a.csv", reference: "b", drifted: false, driftedShare: 0, driftedFeatures: [])]
        record.keyMetric = nil
        try store.finish(record)
        var expected = record
        expected.keyMetric = "roc_auc"  // `finish` keeps what `begin` stored
        #expect(try store.run(id: id) == expected)
    }

    @Test(arguments: StoreBackend.available)
    func runsFilterByNotebook(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        let store = try scratch.open()
        let first = try store.begin(RunStoreTests.sample(notebook: "notebooks/a.md"))
        let second = try store.begin(RunStoreTests.sample(notebook: "notebooks/b.md"))
        let third = try store.begin(RunStoreTests.sample(notebook: "notebooks/a.md"))
        try store.finish(RunStoreTests.finished(RunStoreTests.sample(notebook: "notebooks/a.md"), id: third))
        #expect(try store.runs(notebook: "notebooks/a.md").map(\.id) == [first, third])
        #expect(try store.runs(notebook: "notebooks/a.md").map(\.metrics.count) == [0, 2])
        #expect(try store.runs(notebook: "notebooks/b.md").map(\.id) == [second])
        #expect(try store.runs(notebook: "notebooks/c.md").isEmpty)
        #expect(try store.runs().map(\.id) == [first, second, third])
        #expect(try store.runs().map(\.notebookPath) == ["notebooks/a.md", "notebooks/b.md", "notebooks/a.md"])
    }

    @Test(arguments: StoreBackend.available)
    func aRunningRowWhoseProcessIsGoneReadsAsInterrupted(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        let store = try scratch.open()
        let alive = try store.begin(RunStoreTests.sample())
        var current = RunProcess.current
        current.startTicks += 1  // the same pid, but a later process: the id was recycled
        let recycled = try store.begin(RunStoreTests.sample(process: current))
        let rebooted = try store.begin(RunStoreTests.sample(process: RunProcess(pid: getpid(), bootID: "an-earlier-boot")))
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = try store.begin(RunStoreTests.sample(process: RunProcess(pid: finished.processIdentifier)))
        try store.finish(RunStoreTests.finished(RunStoreTests.sample(process: RunProcess(pid: finished.processIdentifier)), id: dead))
        let gone = try store.begin(RunStoreTests.sample(process: RunProcess(pid: finished.processIdentifier)))
        #expect(try store.run(id: alive)?.status == .running)
        #expect(try store.run(id: dead)?.status == .finished)  // finished stays finished
        #expect(try store.run(id: gone)?.status == .interrupted)
        #expect(try store.run(id: rebooted)?.status == .interrupted)
        #if os(Linux)
        #expect(try store.run(id: recycled)?.status == .interrupted)
        #endif
        #expect(try store.runs().map(\.status) == [.running, .interrupted, .interrupted, .finished, .interrupted])
    }

    @Test(arguments: StoreBackend.available)
    func reopeningAppliesNoMigrationTwice(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        _ = try scratch.open()
        #expect(try scratch.open().begin(RunStoreTests.sample()) == 1)
        #expect(try scratch.open().runs().count == 1)
        #expect(try scratch.open().begin(RunStoreTests.sample()) == 2)
    }

    @Test(arguments: StoreBackend.available)
    func finishingARunThatWasNeverBegunFails(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        let store = try scratch.open()
        #expect(throws: RunStoreError.self) { try store.finish(RunStoreTests.sample()) }
        let error = #expect(throws: RunStoreError.self) { try store.finish(RunStoreTests.finished(RunStoreTests.sample(), id: 7)) }
        #expect(error?.description == "run 7 is not in the store")
        // The failed transaction left nothing behind, and the store still works.
        #expect(try store.runs().isEmpty)
        #expect(try store.begin(RunStoreTests.sample()) == 1)
    }

    /// Two stores (two connections, as from two processes) opened at once on a new store, so
    /// their first opens race to migrate, then writing at once.
    @Test(arguments: StoreBackend.available)
    func twoStoresWritingAtOnceLoseNoRow(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        let location = scratch.location
        let perThread = 25
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            do {
                let store = try RunStoreLocation(location).open()
                for index in 0..<perThread {
                    var record = RunStoreTests.sample(notebook: "nb\(thread).md")
                    let id = try store.begin(record)
                    record = RunStoreTests.finished(record, id: id)
                    record.exitCode = Int32(index)
                    try store.finish(record)
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        let runs = try scratch.open().runs()
        #expect(runs.count == 2 * perThread)
        #expect(Set(runs.compactMap(\.id)).count == 2 * perThread)
        #expect(runs.allSatisfy { $0.status == .finished && $0.steps.count == 3 && $0.metrics.count == 2 })
        #expect(try scratch.open().runs(notebook: "nb1.md").map(\.exitCode) == (0..<perThread).map { Int32($0) })
    }

    /// One store shared by threads: calls are serialized on its one connection.
    @Test(arguments: StoreBackend.available)
    func oneStoreSharedByThreadsLosesNoRow(_ backend: StoreBackend) throws {
        let scratch = try ScratchStore(backend)
        let store = try scratch.open()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            do {
                for _ in 0..<5 {
                    let id = try store.begin(RunStoreTests.sample(notebook: "nb\(thread).md"))
                    try store.finish(RunStoreTests.finished(RunStoreTests.sample(notebook: "nb\(thread).md"), id: id))
                    _ = try store.runs(notebook: "nb\(thread).md")
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        #expect(try store.runs().count == 20)
    }
}
