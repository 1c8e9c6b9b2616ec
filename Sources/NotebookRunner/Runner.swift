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
        case .failure(let problem): return failure(problem.message, started: started)
        }
        return RunOutcome(
            exitCode: plan.isValid ? 0 : 2, diagnostics: plan.diagnostics.map(\.description), steps: [],
            reportPaths: [], timingNotes: [], seconds: seconds(since: started))
    }

    /// Checks, then runs the notebook and writes its HTML and Markdown reports.
    /// An invalid notebook executes nothing (exit code 2).
    public static func run(_ options: RunOptions) -> RunOutcome {
        let started = ContinuousClock.now
        let plan: NotebookPlan
        switch makePlan(options) {
        case .success(let made): plan = made
        case .failure(let problem): return failure(problem.message, started: started)
        }
        let source = plan.notebook.source
        let displayPath = reportPath(for: options.notebookPath)
        guard plan.isValid else {
            return RunOutcome(
                exitCode: 2, diagnostics: plan.diagnostics.map(\.description), steps: [], reportPaths: [],
                timingNotes: [], seconds: seconds(since: started))
        }
        let notebookHash = "sha256:" + Digest.sha256Hex(source)
        let base = (options.notebookPath as NSString).deletingLastPathComponent
        let baseDirectory = base.isEmpty ? "." : base
        let state = options.stateDirectory ?? (baseDirectory as NSString).appendingPathComponent(".labbook")
        let workspace = Workspace(
            baseDirectory: baseDirectory, notebookPath: displayPath, notebookHash: notebookHash,
            seed: plan.notebook.frontMatter.seed,
            registryRoot: (state as NSString).appendingPathComponent("registry"), reportTimings: options.reportTimings)
        workspace.timeLimit = TimeLimit(directiveSeconds: options.directiveTimeout, runSeconds: options.runTimeout)

        let cache = makeCache(plan: plan, workspace: workspace, options: options, state: state)
        var recorder = RunRecorder.begin(plan: plan, workspace: workspace, options: options, state: state)
        let execution = Execution.perform(plan, in: workspace, progress: options.progress, cache: cache)
        cache.recordLatest(notebook: options.notebookPath)
        var report = ReportAssembly.report(plan: plan, execution: execution, workspace: workspace)
        report.history = recorder.history(workspace: workspace)
        let name = options.reportName ?? ((options.notebookPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let paths = ["html", "md"].map { (options.outputDirectory as NSString).appendingPathComponent("\(name).\($0)") }
            + [(options.outputDirectory as NSString).appendingPathComponent("\(name).run.json")]
        var diagnostics: [String] = []
        do {
            try FileSystem.writeAtomically(HTMLRenderer.render(report), to: paths[0])
            try FileSystem.writeAtomically(MarkdownRenderer.render(report), to: paths[1])
            try FileSystem.writeAtomically(
                RunManifest.make(plan: plan, execution: execution, workspace: workspace).text, to: paths[2])
        } catch {
            diagnostics.append("error: \(error)")
        }
        let exitCode = diagnostics.isEmpty ? execution.exitCode : 1
        recorder.finish(execution: execution, workspace: workspace, exitCode: exitCode)
        var outcome = RunOutcome(
            exitCode: exitCode, diagnostics: diagnostics + recorder.warnings, steps: execution.steps,
            reportPaths: diagnostics.isEmpty ? paths : [], timingNotes: workspace.timingNotes + cache.notes,
            seconds: seconds(since: started))
        outcome.record(workspace)
        return outcome
    }

    /// The notebook path as reports show it: relative to the current folder, or just the file
    /// name when it lies elsewhere, so that reports never hold an absolute path.
    static func reportPath(for path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let current = FileManager.default.currentDirectoryPath + "/"
        if path.hasPrefix(current) { return String(path.dropFirst(current.count)) }
        return (path as NSString).lastPathComponent
    }

    /// The text at `path`, or `nil` when it cannot be read (``NotebookSource/read(path:)`` says why).
    static func readNotebook(_ path: String) -> String? {
        try? NotebookSource.read(path: path)
    }

    private static func failure(_ message: String, started: ContinuousClock.Instant) -> RunOutcome {
        RunOutcome(exitCode: 2, diagnostics: [message], steps: [], reportPaths: [], timingNotes: [], seconds: seconds(since: started))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        Duration.seconds(ContinuousClock.now - start)
    }
}
