import Foundation
import NotebookFormat
import Reports

extension Runner {
    /// Runs the notebook once per parameter set of `sweep`, then writes the comparison report
    /// `NAME.sweep.html` / `.md` beside the runs' own reports `NAME--name=value,….html` / `.md`.
    ///
    /// Every parameter set is checked first; if any is invalid nothing runs (exit code 2).
    /// All runs share the state folder. `finished` is called after each run, in order. The
    /// report names the best run by the front matter's `metric` and says whether it meets `goal`.
    /// `executor` runs them (in this process by default); when it cannot run the sweep at all
    /// (e.g. no `sbatch`), nothing is reported and the exit code is ``SweepOutcome/executorFailed``.
    public static func sweep(
        _ options: RunOptions, sweep: Sweep, executor: any SweepExecutor = LocalSweepExecutor(),
        finished: ((SweepOutcome.Run) -> Void)? = nil
    ) -> SweepOutcome {
        let assignments = sweep.assignments
        var problems: [Diagnostic] = []
        for assignment in assignments {
            var checked = options
            checked.parameterOverrides += assignment
            for var diagnostic in check(checked).diagnostics {
                for (name, value) in assignment where diagnostic.origin == "-p \(name)=\(value)" {
                    diagnostic.origin = "--sweep \(name)=\(value)"
                }
                if !problems.contains(diagnostic) { problems.append(diagnostic) }
            }
        }
        if !problems.isEmpty {
            return SweepOutcome(exitCode: 2, diagnostics: problems, runs: [], reportPaths: [])
        }
        // The success criterion is read once, before any run: the report compares runs by it.
        var goal = SweepReport.Goal()
        if case .success(let plan) = makePlan(options) {
            goal = SweepReport.Goal(metric: plan.notebook.frontMatter.metric, target: plan.notebook.frontMatter.goal)
        }
        let notebookPaths = NotebookPaths(options)
        let notebookName = notebookPaths.notebookName
        var jobs: [SweepJob] = []
        var usedNames: Set<String> = []
        for assignment in assignments {
            var name = Sweep.reportName(notebook: notebookName, assignment: assignment)
            var suffix = 2
            while usedNames.contains(name) {
                name = Sweep.reportName(notebook: notebookName, assignment: assignment) + "-\(suffix)"
                suffix += 1
            }
            usedNames.insert(name)
            var runOptions = options
            runOptions.parameterOverrides += assignment
            runOptions.reportName = name
            jobs.append(SweepJob(assignment: assignment, reportName: name, options: runOptions))
        }
        let runs: [SweepOutcome.Run]
        do {
            runs = try executor.execute(jobs, finished: finished)
        } catch {
            let problem = Diagnostic(file: notebookPaths.displayPath, location: nil, message: error.description)
            return SweepOutcome(exitCode: SweepOutcome.executorFailed, diagnostics: [problem], runs: [], reportPaths: [])
        }
        let report = SweepReport.make(
            notebookPath: notebookPaths.displayPath, sweep: sweep, runs: runs, goal: goal)
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        do {
            paths = try ReportFiles(directory: options.outputDirectory, name: "\(notebookName).sweep", extensions: ["html", "md"])
                .write([("html", HTMLRenderer.render(report)), ("md", MarkdownRenderer.render(report))])
        } catch {
            diagnostics.append(Diagnostic(file: error.path, location: nil, message: "cannot write the report: \(error.reason)"))
        }
        let worst = runs.map(\.outcome.exitCode).max() ?? 0
        return SweepOutcome(
            exitCode: diagnostics.isEmpty ? worst : max(worst, RunOutcome.reportsNotWritten), diagnostics: diagnostics, runs: runs,
            reportPaths: diagnostics.isEmpty ? paths : [])
    }
}
