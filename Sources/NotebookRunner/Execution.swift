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

    static func perform(
        _ plan: NotebookPlan, in workspace: Workspace, progress: (@Sendable (String) -> Void)? = nil
    ) -> Execution {
        var execution = Execution()
        var unavailable: [String: String] = [:]
        for (index, step) in plan.steps.enumerated() {
            let directive = step.directive
            progress?("\(step.cell.kind)\(directive.label.map { " " + $0 } ?? "") (\(index + 1)/\(plan.steps.count))")
            let location = "\(workspace.notebookPath):\(step.cell.location.line)"
            var section = DirectiveSection(
                kind: step.cell.kind, name: directive.label, source: step.cell.source, location: location,
                status: .succeeded, outputs: [])
            let started = ContinuousClock.now
            if let missing = directive.inputs.first(where: { unavailable[$0] != nil }) {
                let reason = "needs `\(missing)`, which \(unavailable[missing] ?? "failed")"
                section.status = .skipped(reason)
                for name in directive.outputs { unavailable[name] = "was skipped" }
                execution.record(step, section: section, status: .skipped, message: reason, started: started)
                continue
            }
            do {
                section.outputs = try directive.execute(in: workspace)
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
                peakMemoryBytes: ProcessMemory.peakResidentBytes()))
    }
}
