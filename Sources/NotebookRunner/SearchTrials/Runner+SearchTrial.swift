import Foundation
import MLEngine
import NotebookFormat

extension Runner {
    /// Scores one trial of a search on behalf of the run that proposed it (what a Slurm task
    /// runs, `labbook run NB --trial-of NAME …`): executes only the directives the search's
    /// `train` needs (cache hits from the shared state folder where they can be), then that
    /// `train` up to its scoring folds, scores `task`'s trial and writes its result.
    ///
    /// Writes no report and records no run; exit code 0 once the result is written, else 1
    /// (2 for a notebook that does not check), with the diagnostics saying why.
    public static func scoreSearchTrial(_ options: RunOptions, task: SearchTrialTask) -> RunOutcome {
        let started = ContinuousClock.now
        let timeLimit = TimeLimit(directiveSeconds: options.directiveTimeout, runSeconds: options.runTimeout)
        let plan: NotebookPlan
        switch makePlan(options) {
        case .success(let made): plan = made
        case .failure(let problem): return trialOutcome(2, [problem.diagnostic], started: started)
        }
        let paths = NotebookPaths(options)
        guard plan.isValid else { return trialOutcome(2, plan.diagnostics, started: started) }
        guard let target = plan.steps.firstIndex(where: { step in
            (step.directive as? TrainDirective).map { $0.name == task.directive && $0.search != nil } ?? false
        }) else {
            let problem = Diagnostic(
                file: paths.displayPath, location: nil, message: "the notebook has no `train` named `\(task.directive)` with a `search`")
            return trialOutcome(1, [problem], started: started)
        }
        try? FileManager.default.removeItem(atPath: task.resultFile)
        var context = RunContext(
            paths: paths, notebookHash: "sha256:" + Digest.sha256Hex(plan.notebook.source), seed: plan.notebook.frontMatter.seed,
            reportTimings: options.reportTimings, allowedReads: options.allowedReads)
        let cache = makeCache(plan: plan, context: context, options: options, state: paths.stateDirectory)
        cache.bypassed = [target]
        context.knownFingerprints = cache.knownFingerprints
        context.trialScoring = .task(task)
        let execution = Execution.perform(
            plan, run: context, timeLimit: timeLimit, cache: cache, only: plan.stepsNeeded(by: target))
        if SearchTrialWire.read(SearchTrialWire.Result.self, from: task.resultFile) != nil {
            return trialOutcome(0, [], started: started)
        }
        let failures = execution.steps.compactMap(\.failure)
        let fallback = Diagnostic(
            file: paths.displayPath, location: nil, message: "trial \(task.index) of `\(task.directive)` was not scored")
        return trialOutcome(1, failures.isEmpty ? [fallback] : failures, started: started)
    }

    private static func trialOutcome(_ code: Int32, _ diagnostics: [Diagnostic], started: ContinuousClock.Instant) -> RunOutcome {
        RunOutcome(exitCode: code, diagnostics: diagnostics, steps: [], reportPaths: [], timingNotes: [], seconds: seconds(since: started))
    }
}

extension NotebookPlan {
    /// Step `target` and every earlier step that defines a name it needs, transitively.
    func stepsNeeded(by target: Int) -> Set<Int> {
        var needed: Set<Int> = [target]
        var names = Set(steps[target].directive.inputs)
        for index in stride(from: target - 1, through: 0, by: -1) {
            let directive = steps[index].directive
            guard directive.outputs.contains(where: names.contains) else { continue }
            needed.insert(index)
            names.formUnion(directive.inputs)
        }
        return needed
    }
}
