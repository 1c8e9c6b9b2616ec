import Foundation
import NotebookFormat
import Reports
import RunStore

/// Executes a checked plan in document order.
///
/// A directive that fails shows its error at its place; directives that use a name it
/// should have defined are skipped; independent ones still run.
struct Execution {
    var sections: [SourceLocation: DirectiveSection] = [:]
    var steps: [RunOutcome.Step] = []
    var exitCode: Int32 = 0
    /// The steps' cache keys (empty without a cache).
    var keys: [String?] = []

    static func perform(
        _ plan: NotebookPlan, in workspace: Workspace, progress: (@Sendable (String) -> Void)? = nil,
        cache: DirectiveCache? = nil
    ) -> Execution {
        var execution = Execution()
        execution.keys = cache?.keys ?? []
        var unavailable: [String: String] = [:]
        for (index, step) in plan.steps.enumerated() {
            let directive = step.directive
            progress?("\(step.cell.kind)\(directive.label.map { " " + $0 } ?? "") (\(index + 1)/\(plan.steps.count))")
            let location = "\(workspace.notebookPath):\(step.cell.location.line)"
            var section = DirectiveSection(
                kind: step.cell.kind, name: directive.label, source: step.cell.source, location: location,
                status: .succeeded, outputs: [])
            let started = ContinuousClock.now
            let missing = directive.inputs.first(where: { unavailable[$0] != nil })
            if let reason = missing.map({ "needs `\($0)`, which \(unavailable[$0] ?? "failed")" }) ?? workspace.timeLimit.exhaustion {
                section.status = .skipped(reason)
                for name in directive.outputs { unavailable[name] = "was skipped" }
                if missing == nil, execution.exitCode == 0 { execution.exitCode = 1 }
                execution.record(step, section: section, status: .skipped, message: reason, started: started)
                continue
            }
            if let outputs = cache?.lookup(step: index) {
                section.outputs = outputs
                execution.record(step, section: section, status: .cached, message: nil, started: started)
                continue
            }
            do {
                let (outputs, log) = try workspace.logging { try workspace.timeLimit.run { try directive.execute(in: workspace) } }
                section.outputs = outputs
                cache?.save(step: index, outputs: outputs, log: log, seconds: Runner.seconds(since: started))
                execution.record(step, section: section, status: .ran, message: nil, started: started)
            } catch let failure as ExpectationFailure {
                section.outputs = failure.outputs
                section.status = .failed(failure.description)
                if execution.exitCode == 0 { execution.exitCode = 3 }
                execution.record(step, section: section, status: .failed, message: failure.description, started: started)
            } catch {
                let message = String(describing: error)
                section.status = .failed(message)
                for name in directive.outputs { unavailable[name] = "failed" }
                execution.exitCode = 1
                execution.record(step, section: section, status: .failed, message: message, started: started)
            }
        }
        for index in cache?.rerun ?? [] where execution.steps.indices.contains(index) {
            execution.steps[index].status = .ran
        }
        return execution
    }

    private mutating func record(
        _ step: NotebookPlan.Step, section: DirectiveSection, status: RunOutcome.Step.Status, message: String?,
        started: ContinuousClock.Instant
    ) {
        sections[step.cell.location] = section
        steps.append(
            RunOutcome.Step(
                kind: step.cell.kind, label: step.directive.label, location: section.location, status: status,
                seconds: Runner.seconds(since: started), message: message,
                peakMemoryBytes: Int64(ProcessMemory.peakResidentBytes())))
        let index = steps.count - 1
        if keys.indices.contains(index) { steps[index].key = keys[index] }
    }
}
