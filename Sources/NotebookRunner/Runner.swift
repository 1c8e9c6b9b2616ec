import Foundation
import MLEngine
import NotebookFormat
import Reports

/// Checks and runs notebooks: the only place where notebooks meet the engine.
///
/// ```swift
/// let outcome = Runner.run(RunOptions(notebookPath: "notebooks/income.md"))
/// exit(outcome.exitCode)
/// ```
public enum Runner {
    /// The directive kinds a notebook may use.
    public static var directiveKinds: [String] { DirectiveCatalog.all.map { $0.kind } }

    /// Parses and checks a notebook without executing anything; returns the formatted diagnostics.
    public static func check(_ options: RunOptions) -> RunOutcome {
        let started = ContinuousClock.now
        let plan: NotebookPlan
        switch makePlan(options) {
        case .success(let made): plan = made
        case .failure(let problem): return failure(problem.diagnostic, started: started)
        }
        return RunOutcome(
            exitCode: plan.isValid ? 0 : 2, diagnostics: plan.diagnostics, steps: [],
            reportPaths: [], timingNotes: [], seconds: seconds(since: started))
    }

    /// Checks, then runs the notebook and writes its HTML and Markdown reports.
    /// An invalid notebook executes nothing (exit code 2).
    public static func run(_ options: RunOptions) -> RunOutcome {
        let started = ContinuousClock.now
        // The run's time limit counts from here, so checking and fingerprinting count too.
        let timeLimit = TimeLimit(directiveSeconds: options.directiveTimeout, runSeconds: options.runTimeout)
        let plan: NotebookPlan
        switch makePlan(options) {
        case .success(let made): plan = made
        case .failure(let problem): return failure(problem.diagnostic, started: started)
        }
        let source = plan.notebook.source
        let paths = NotebookPaths(options)
        guard plan.isValid else {
            return RunOutcome(
                exitCode: 2, diagnostics: plan.diagnostics, steps: [], reportPaths: [],
                timingNotes: [], seconds: seconds(since: started))
        }
        let notebookHash = "sha256:" + Digest.sha256Hex(source)
        let state = paths.stateDirectory
        var context = RunContext(
            paths: paths, notebookHash: notebookHash, seed: plan.notebook.frontMatter.seed,
            reportTimings: options.reportTimings, allowedReads: options.allowedReads)

        let cache = makeCache(plan: plan, context: context, options: options, state: state)
        context.knownFingerprints = cache.knownFingerprints
        var recorder = RunRecorder.begin(plan: plan, context: context, options: options, state: state)
        context.runID = recorder.store == nil ? nil : recorder.record.id
        context.progress = options.progress
        if let executor = options.searchExecutor { context.trialScoring = .elsewhere(executor, options) }
        let execution = Execution.perform(
            plan, run: context, timeLimit: timeLimit, cache: cache, progress: options.progress)
        cache.recordLatest(notebook: options.notebookPath)
        var report = ReportAssembly.report(execution)
        report.history = recorder.history(execution.steps)
        var diagnostics: [Diagnostic] = []
        var written: [String] = []
        do {
            written = try ReportFiles(directory: paths.outputDirectory, name: paths.reportName, extensions: ["html", "md", "run.json"])
                .write([
                    ("html", HTMLRenderer.render(report)), ("md", MarkdownRenderer.render(report)),
                    ("run.json", RunManifest.make(execution).text),
                ])
        } catch {
            diagnostics.append(Diagnostic(file: error.path, location: nil, message: "cannot write the report: \(error.reason)"))
        }
        let exitCode = diagnostics.isEmpty ? execution.exitCode : RunOutcome.reportsNotWritten
        recorder.finish(execution, exitCode: exitCode)
        var outcome = RunOutcome(
            exitCode: exitCode, diagnostics: diagnostics + recorder.warnings,
            steps: execution.steps.map { $0.summary(notebookPath: context.notebookPath) },
            reportPaths: written, timingNotes: execution.steps.timingNotes + execution.notes + cache.notes,
            seconds: seconds(since: started))
        outcome.evaluations = execution.steps.evaluations.map { RunOutcome.Evaluation(model: $0.model, metrics: $0.metrics) }
        outcome.filesRead = execution.steps.filesRead.map { context.resolve($0.path) }
        return outcome
    }


    /// The text at `path`, or `nil` when it cannot be read (``NotebookSource/read(path:)`` says why).
    static func readNotebook(_ path: String) -> String? {
        try? NotebookSource.read(path: path)
    }

    private static func failure(_ diagnostic: Diagnostic, started: ContinuousClock.Instant) -> RunOutcome {
        RunOutcome(exitCode: 2, diagnostics: [diagnostic], steps: [], reportPaths: [], timingNotes: [], seconds: seconds(since: started))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        Duration.seconds(ContinuousClock.now - start)
    }
}
