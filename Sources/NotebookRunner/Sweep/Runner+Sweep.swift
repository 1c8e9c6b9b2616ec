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
    public static func sweep(
        _ options: RunOptions, sweep: Sweep, finished: ((SweepOutcome.Run) -> Void)? = nil
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
        var runs: [SweepOutcome.Run] = []
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
            let run = SweepOutcome.Run(assignment: assignment, reportName: name, outcome: Runner.run(runOptions))
            finished?(run)
            runs.append(run)
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
