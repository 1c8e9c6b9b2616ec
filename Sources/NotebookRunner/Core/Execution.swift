import Foundation
import NotebookFormat
import Reports

/// Executes a checked plan in document order and owns the run's workspace.
///
/// Each directive reads a snapshot (``DirectiveContext``) and returns a ``DirectiveResult``;
/// Execution applies it, hands it to the cache and appends a ``StepResult``. A directive that
/// fails shows its error at its place; directives that use a name it should have defined are
/// skipped; independent ones still run. A cache hit's datasets and models are restored only
/// when a later directive that runs needs them; if the cached copy is unusable, the directive
/// that defined them runs again.
struct Execution {
    let run: RunContext
    let plan: NotebookPlan
    private(set) var workspace = Workspace()
    /// One result per plan step, in order.
    private(set) var steps: [StepResult] = []
    private(set) var exitCode: Int32 = 0
    /// Problems worth a line on the terminal (a cached step could not run again, …).
    private(set) var notes: [String] = []
    private let cache: DirectiveCache?
    private let timeLimit: TimeLimit
    /// Names defined by cache hits and not restored yet, by plain name.
    private var pending: [String: [(name: WorkspaceName, step: Int)]] = [:]

    private init(run: RunContext, plan: NotebookPlan, cache: DirectiveCache?, timeLimit: TimeLimit) {
        self.run = run
        self.plan = plan
        self.cache = cache
        self.timeLimit = timeLimit
    }

    /// Runs the plan; with `only`, just those steps (the others are skipped as not needed).
    static func perform(
        _ plan: NotebookPlan, run: RunContext, timeLimit: TimeLimit = TimeLimit(), cache: DirectiveCache? = nil,
        progress: (@Sendable (String) -> Void)? = nil, only: Set<Int>? = nil
    ) -> Execution {
        var execution = Execution(run: run, plan: plan, cache: cache, timeLimit: timeLimit)
        var unavailable: [String: String] = [:]
        for (index, step) in plan.steps.enumerated() {
            let directive = step.directive
            progress?("\(step.cell.kind)\(directive.label.map { " " + $0 } ?? "") (\(index + 1)/\(plan.steps.count))")
            let started = ContinuousClock.now
            var result = StepResult(index: index, cell: step.cell, label: directive.label, status: .ran, key: cache?.keys[index])
            defer {
                result.seconds = Runner.seconds(since: started)
                result.peakMemoryBytes = Int64(ProcessMemory.peakResidentBytes())
                execution.steps.append(result)
            }
            if let only, !only.contains(index) {
                result.status = .skipped
                result.message = "not needed"
                continue
            }
            let missing = directive.inputs.first(where: { unavailable[$0] != nil })
            if let reason = missing.map({ "needs `\($0)`, which \(unavailable[$0] ?? "failed")" }) ?? timeLimit.exhaustion {
                result.status = .skipped
                result.message = reason
                for name in directive.outputs { unavailable[name] = "was skipped" }
                if missing == nil, execution.exitCode == 0 { execution.exitCode = 1 }
                continue
            }
            if let hit = cache?.lookup(step: index) {
                result.status = .cached
                result.outputs = hit.outputs
                result.facts = hit.facts
                for name in hit.defines { execution.pending[name.name, default: []].append((name, index)) }
                continue
            }
            do {
                let produced = try execution.execute(step: index)
                result.outputs = produced.outputs
                result.facts = produced.facts
                result.timingNotes = produced.timingNotes
            } catch let failure as ExpectationFailure {
                // What it defined stands (a deploy whose gate failed still registered its version).
                execution.workspace.apply(failure.result.artifacts)
                result.status = .failed
                result.outputs = failure.result.outputs
                result.facts = failure.result.facts
                result.message = failure.description
                result.failure = execution.diagnostic(failure.description, key: failure.key, step: step)
                if execution.exitCode == 0 { execution.exitCode = failure.exitCode }
            } catch {
                let failure = error as? DirectiveError
                result.status = .failed
                result.message = String(describing: error)
                result.failure = execution.diagnostic(
                    failure?.message ?? String(describing: error), key: failure?.key, cause: failure?.cause, step: step)
                for name in directive.outputs { unavailable[name] = "failed" }
                execution.exitCode = 1
            }
        }
        return execution
    }

    /// Runs step `index` against a snapshot of what it needs, applies what it defines and caches it.
    private mutating func execute(step index: Int) throws -> DirectiveResult {
        let directive = plan.steps[index].directive
        materialize(directive.inputs)
        let context = DirectiveContext(run: run, workspace: workspace, evaluations: Array(steps.prefix(index)).evaluations)
        let started = ContinuousClock.now
        let result = try timeLimit.run { try directive.execute(in: context) }
        workspace.apply(result.artifacts)
        cache?.save(step: index, result: result, seconds: Runner.seconds(since: started))
        return result
    }

    /// Restores from the cache what a directive about to run needs: the names it uses and what
    /// they reach (a model's training data, a deployment's source model).
    private mutating func materialize(_ names: [String]) {
        var queue = names
        var seen: Set<String> = []
        while let name = queue.popLast() {
            guard seen.insert(name).inserted else { continue }
            for (artifact, step) in pending.removeValue(forKey: name) ?? [] {
                if let restored = cache?.restore(artifact, step: step) {
                    workspace.apply([restored])
                } else {
                    runAgain(step)
                }
            }
            for kind in [WorkspaceName.dataset(name), .model(name), .deployment(name)] {
                queue += workspace.artifact(kind)?.references ?? []
            }
        }
    }

    /// Runs a hit's directive after all, because what it defines is needed and the cached copy
    /// is unusable; its fresh results replace the entry (its cached facts and outputs stand).
    private mutating func runAgain(_ step: Int) {
        for name in pending.keys { pending[name]?.removeAll { $0.step == step } }
        do {
            _ = try execute(step: step)
            if steps.indices.contains(step) { steps[step].status = .ran }
        } catch {
            notes.append("cache: \(plan.steps[step].cell.kind) could not run again: \(error)")
        }
    }

    /// A run-time failure located at the directive's `key` (or its fence), with its cause as the hint.
    private func diagnostic(_ message: String, key: String?, cause: String? = nil, step: NotebookPlan.Step) -> Diagnostic {
        let location = key.flatMap { step.cell.location(ofKey: $0) } ?? step.cell.location
        let what = "\(step.cell.kind)\(step.directive.label.map { " `\($0)`" } ?? "")"
        let lines = step.cell.source.split(separator: "\n", omittingEmptySubsequences: false)
        let offset = location.line - step.cell.location.line
        return Diagnostic(
            file: run.notebookPath, location: location, message: "\(what) failed: \(message)",
            sourceLine: lines.indices.contains(offset) ? String(lines[offset].trimmingSuffix("\r")) : nil,
            hint: cause.map { "cause: \($0)" })
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}

extension DirectiveCell {
    /// Where the value of the top-level key `key` is in the notebook, if the body has it.
    func location(ofKey key: String) -> SourceLocation? {
        guard case .map(let entries)? = body?.value else { return nil }
        return entries.first { $0.key == key }?.value.location
    }
}
