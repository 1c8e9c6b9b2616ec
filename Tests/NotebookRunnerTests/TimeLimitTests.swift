import Foundation
import Testing
@testable import NotebookRunner

@Suite struct TimeLimitTests {
    @Test func withoutLimitsTheWorkRunsInline() throws {
        let caller = pthread_self()
        let onCaller = try TimeLimit().run { pthread_equal(pthread_self(), caller) != 0 }
        #expect(onCaller)
    }

    @Test func aResultOrErrorWithinTheLimitComesBack() throws {
        #expect(try TimeLimit(directiveSeconds: 600).run { 42 } == 42)
        #expect(throws: DirectiveError.self) { try TimeLimit(directiveSeconds: 600).run { throw DirectiveError("no") } }
    }

    @Test func workPastTheLimitIsAbandonedWithAClearMessage() {
        let release = DispatchSemaphore(value: 0)
        defer { release.signal() }
        #expect {
            try TimeLimit(directiveSeconds: 0.05).run { release.wait() }
        } throws: { error in
            (error as? TimeLimitExceeded)?.description == "timed out after 0.05 s"
        }
    }

    @Test func aResultThatComesAfterTheCallerStoppedWaitingIsDropped() {
        let late = _WorkerResult<Int>()
        late.abandon()
        late.store(.success(1))
        #expect(late.value == nil)
        let onTime = _WorkerResult<Int>()
        onTime.store(.success(2))
        #expect((try? onTime.value?.get()) == 2)
    }

    @Test func aSpentRunLimitStopsEverythingAfter() {
        let limit = TimeLimit(runSeconds: 0)
        #expect(limit.exhaustion == "the run's time limit of 0 s was reached")
        #expect(throws: TimeLimitExceeded.self) { try limit.run { 1 } }
        #expect(TimeLimit(runSeconds: 600).exhaustion == nil)
    }

    @Test func limitsReadAsTheUserGaveThem() {
        #expect(TimeLimit.describe(30) == "30 s")
        #expect(TimeLimit.describe(0.5) == "0.5 s")
    }

    /// A load of a CSV large enough to take far longer than 1 ms: it times out, its dependants
    /// are skipped, an independent directive still runs, and the report is written.
    @Test func aDirectiveOverItsLimitFailsAndTheReportIsStillWritten() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 200_000), to: "data/big.csv")
        try sandbox.write(Sandbox.workersCSV(rows: 50), to: "data/small.csv")
        try sandbox.write(String.notebook(
            "```load", "name: big", "from: data/big.csv", "target: y", "positive: \"yes\"", "```",
            "```train", "name: tree", "data: big", "model: decision_tree", "```",
            "```explore", "data: big", "```"), to: "notebook.md")
        var options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        options.directiveTimeout = 0.001
        let outcome = Runner.run(options)
        #expect(outcome.exitCode == 1)
        #expect(outcome.steps.map(\.status) == [.failed, .skipped, .skipped])
        #expect(outcome.steps[0].message == "timed out after 0.001 s")
        #expect(outcome.steps[1].message == "needs `big`, which failed")
        #expect(try sandbox.read("reports/notebook.md").contains("timed out after 0.001 s"))
        #expect(sandbox.exists("reports/notebook.html"))
    }

    @Test func theRunLimitSkipsEverythingAfterIt() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 200_000), to: "data/big.csv")
        try sandbox.write(Sandbox.workersCSV(rows: 50), to: "data/small.csv")
        try sandbox.write(String.notebook(
            "```load", "name: big", "from: data/big.csv", "```",
            "```load", "name: small", "from: data/small.csv", "```"), to: "notebook.md")
        var options = RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports")
        options.runTimeout = 0.02
        options.recordsRun = false  // opening the run store could use up the 20 ms before the first directive
        let outcome = Runner.run(options)
        #expect(outcome.exitCode == 1)
        // The limit counts from the start of the run: on a loaded machine checking and
        // fingerprinting may spend it before the first load starts, which is then skipped.
        switch outcome.steps[0].status {
        case .failed: #expect(outcome.steps[0].message == "timed out: the run's time limit of 0.02 s was reached")
        case .skipped: #expect(outcome.steps[0].message == "the run's time limit of 0.02 s was reached")
        default: Issue.record("the big load ran although the run's limit is 20 ms")
        }
        #expect(outcome.steps[1].status == .skipped)
        #expect(outcome.steps[1].message == "the run's time limit of 0.02 s was reached")
        #expect(sandbox.exists("reports/notebook.md"))
    }
}
