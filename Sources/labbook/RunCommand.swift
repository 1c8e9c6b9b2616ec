import ArgumentParser
import Foundation
import NotebookRunner
import RunStorage

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks and write their HTML and Markdown reports.",
        discussion: """
            Examples:
              labbook run notebooks/income.md
              labbook run notebooks/*.md --out reports
              labbook run notebooks/income.md -p max_depth=12
              labbook run notebooks/income.md --params grid/deep.yaml -p max_depth=12
              labbook run notebooks/income.md --timeout 60 --run-timeout 600
              labbook run notebooks/income.md --sweep max_depth=4,8,12 --sweep min_samples_leaf=1,20
              labbook run notebooks/income.md --no-cache
              labbook run notebooks/income.md --store /tmp/runs.sqlite
              labbook run notebooks/income.md --sweep max_depth=4,8,12 --executor slurm --partition debug --max-parallel 2
              labbook run notebooks/search.md --executor slurm --max-parallel 8 --pending-timeout 3600
              labbook run notebooks/income.md --store postgres://labbook:secret@db.internal:5432/labbook

            Each run writes reports/NAME.html, reports/NAME.md and the provenance manifest reports/NAME.run.json, and is recorded in the run store (see `labbook runs`): a SQLite file by default, or with --store postgres://USER:PASSWORD@HOST:PORT/DATABASE a PostgreSQL database a team shares. SQLite on a network file system (NFS, SMB) is not safe for concurrent writers; use PostgreSQL there.

            Directives run in document order. Each directive's results are cached under .labbook/cache/, keyed by its spec, the data it reads, the directives it uses, the seed and the engine version: a rerun executes only directives whose key changed and those below them (editing prose executes nothing). --no-cache executes everything and writes nothing to the cache (entries, objects and fingerprint memos stay as they were). The summary on stderr says, per directive, ran, cached, skipped or failed, with its time. A failing directive is shown in the report at its place; directives that need its outputs are skipped; the report is still written.

            --params reads a YAML mapping of parameter names to values, checked like -p; -p wins when both set a name. --timeout fails a directive that runs longer than SECONDS ("timed out after 60 s") and skips what depends on it; --run-timeout also skips everything after the run's limit is reached. Either way the report is written and the exit code is 1.

            --sweep runs the cross product of the values (first --sweep varies slowest), each run writing reports/NAME--name=value,….html and .md, all sharing the state folder; then reports/NAME.sweep.html and .md compare the runs: the best run by the front matter's metric (and whether it meets goal), the metrics that differ between runs (best in bold), and a chart of the goal metric per run. The exit code is the worst run's.

            --executor slurm submits the runs of a sweep as one Slurm job array (sbatch --array, --partition, at most --max-parallel tasks at once), each task running this labbook binary with the same --state, --store and --out, and waits for it; the comparison report is byte-identical to the local executor's. The notebook, the state folder and the output folder must be on a filesystem every node shares. A task that leaves no result (it crashed, was cancelled or preempted) is submitted once more; if it fails again its run is reported as failed (exit 1).

            Without --sweep, --executor slurm scores the trials of the notebook's `train` searches (`search:`) on Slurm: each batch the search proposes (the whole of a grid or random search, each halving rung, two `tpe` trials at a time, one `auto` trial at a time) is one job array whose task i scores trial i with the same notebook, parameters and --state, so with the same folds and seed; the rest of the run happens here and its reports are byte-identical to a local run's. A trial whose task leaves no result twice is reported as failed in the leaderboard. Batches of one or two trials pay Slurm's scheduling delay per trial: grid, random and halving gain the most. --pending-timeout cancels an array none of whose tasks leaves the queue for SECONDS (a partition that is down, a request no node meets) and fails the sweep or the search with Slurm's reason; by default labbook waits.

            Exit codes: 0 success, 1 a directive failed, 2 the notebook is invalid, 3 an `expect` threshold was not met, 5 the reports could not be written, 6 the Slurm executor could not run the sweep (no sbatch, the job array was rejected or waited past --pending-timeout).
            """)

    @Argument(help: "The notebooks to run.")
    var notebooks: [String]

    @Option(name: .long, help: "Folder for the reports.")
    var out = "reports"

    @OptionGroup var input: NotebookInputOptions

    @Flag(name: .long, help: "Put measured timings into the reports (they then differ between runs).")
    var timings = false

    @Option(name: .long, help: "State folder for the model registry and the cache (default: .labbook beside the notebook).")
    var state: String?

    @Option(name: .long, help: ArgumentHelp("Fail a directive that runs longer than this.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Stop the whole run after this long.", valueName: "seconds"))
    var runTimeout: Double?

    @Option(name: .long, help: ArgumentHelp("Run once per value (repeatable: the cross product).", valueName: "name=v1,v2"))
    var sweep: [String] = []

    @Option(name: .long, help: "Where the runs of a sweep execute: local (here, one after another) or slurm (one Slurm job array).")
    var executor: SweepExecutorKind = .local

    @Option(name: .long, help: ArgumentHelp("The Slurm partition of the job array (default: the cluster's).", valueName: "name"))
    var partition: String?

    @Option(name: .long, help: ArgumentHelp("At most this many Slurm tasks at once (default: no limit).", valueName: "n"))
    var maxParallel: Int?

    @Option(name: .long, help: ArgumentHelp(
            "With --executor slurm: cancel a job array none of whose tasks leaves the queue for this long (default: wait).",
            valueName: "seconds"))
    var pendingTimeout: Double?

    @Option(name: .long, help: .hidden)
    var reportName: String?

    @Option(name: .long, help: .hidden)
    var trialOf: String?

    @Option(name: .long, help: .hidden)
    var trialRequests: String?

    @Option(name: .long, help: .hidden)
    var trialIndex: Int?

    @Option(name: .long, help: .hidden)
    var resultFile: String?

    func validate() throws {
        if executor == .local && (partition != nil || maxParallel != nil || pendingTimeout != nil) {
            throw ValidationError("--partition, --max-parallel and --pending-timeout are for --executor slurm")
        }
        if let pendingTimeout, !(pendingTimeout > 0 && pendingTimeout.isFinite) {
            throw ValidationError("--pending-timeout takes a positive number of seconds")
        }
        let trialFlags = [trialOf != nil, trialRequests != nil, trialIndex != nil]
        if trialFlags.contains(true) {
            guard !trialFlags.contains(false), resultFile != nil, sweep.isEmpty, notebooks.count == 1, executor == .local else {
                throw ValidationError("--trial-of, --trial-requests, --trial-index and --result-file go together, for one notebook (what a Slurm task runs)")
            }
        }
        if let maxParallel, maxParallel < 1 { throw ValidationError("--max-parallel takes a positive number of tasks") }
        if (reportName != nil || resultFile != nil) && (!sweep.isEmpty || notebooks.count != 1) {
            throw ValidationError("--report-name and --result-file are for one run of one notebook")
        }
        for (flag, value) in [("--timeout", timeout), ("--run-timeout", runTimeout)] {
            if let value, !(value > 0 && value.isFinite) { throw ValidationError("\(flag) takes a positive number of seconds") }
        }
    }

    @Flag(name: .long, help: "Execute every directive instead of reusing cached results, and write nothing to the cache.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp(
            "The run store: a SQLite file (default: labbook.sqlite in the state folder) or postgres://USER:PASSWORD@HOST:PORT/DATABASE.",
            valueName: "path|url"))
    var store: String?

    func run() throws {
        // A malformed PostgreSQL URL is a usage error, not a store that is merely down.
        if let store, PostgresStoreURL.isPostgresURL(store) {
            do { _ = try PostgresStoreURL(store) } catch { throw ValidationError(error.description) }
        }
        let overrides = try input.overrides()
        let sweep: Sweep
        do { sweep = try Sweep(arguments: self.sweep) } catch { throw ValidationError(error.description) }
        var worst: Int32 = 0
        for notebook in notebooks {
            var options = RunOptions(
                notebookPath: notebook, outputDirectory: out, parameterOverrides: overrides,
                reportTimings: timings, stateDirectory: state, progress: Terminal.progressLine)
            options.useCache = !noCache
            options.storePath = store
            input.apply(to: &options)
            options.directiveTimeout = timeout
            options.runTimeout = runTimeout
            options.reportName = reportName
            if let trialOf, let trialRequests, let trialIndex, let resultFile {
                let task = SearchTrialTask(directive: trialOf, requestsFile: trialRequests, index: trialIndex, resultFile: resultFile)
                let outcome = Runner.scoreSearchTrial(options, task: task)
                Terminal.printDiagnostics(outcome.diagnostics)
                worst = outcome.exitCode
                continue
            }
            if sweep.axes.isEmpty {
                options.searchExecutor = executor.makeSearch(partition: partition, maxParallel: maxParallel, pendingTimeout: pendingTimeout)
            }
            worst = max(worst, sweep.axes.isEmpty ? runOnce(options) : runSweep(options, sweep: sweep))
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    private func runOnce(_ options: RunOptions) -> Int32 {
        let outcome = Runner.run(options)
        Terminal.clearProgress()
        Terminal.printOutcome(outcome, notebook: options.notebookPath)
        if let resultFile {
            do { try SweepTaskResult(outcome).write(to: resultFile) } catch {
                Terminal.error("\(resultFile): cannot write the run's result: \(error.localizedDescription)")
                return max(outcome.exitCode, RunOutcome.reportsNotWritten)
            }
        }
        return outcome.exitCode
    }

    private func runSweep(_ options: RunOptions, sweep: Sweep) -> Int32 {
        let outcome = Runner.sweep(options, sweep: sweep, executor: executor.make(partition: partition, maxParallel: maxParallel, pendingTimeout: pendingTimeout)) { run in
            Terminal.clearProgress()
            Terminal.printOutcome(run.outcome, notebook: run.reportName)
        }
        Terminal.printDiagnostics(outcome.diagnostics)
        if !outcome.reportPaths.isEmpty {
            Terminal.error("\(options.notebookPath): sweep of \(outcome.runs.count) runs; comparison: " + outcome.reportPaths.joined(separator: ", "))
        }
        return outcome.exitCode
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check notebooks without running anything.",
        discussion: """
            Reports every problem as notebook.md:LINE:COL: error: … with the source line, a caret and a "did you mean" hint where one fits. Exits 2 when a notebook is invalid.

            Examples:
              labbook check notebooks/income.md
              labbook check notebooks/*.md -p max_depth=12
              labbook check notebooks/income.md --params grid/deep.yaml
            """)

    @Argument(help: "The notebooks to check.")
    var notebooks: [String]

    @OptionGroup var input: NotebookInputOptions

    func run() throws {
        let overrides = try input.overrides()
        var worst: Int32 = 0
        for notebook in notebooks {
            var options = RunOptions(notebookPath: notebook, parameterOverrides: overrides)
            input.apply(to: &options)
            let outcome = Runner.check(options)
            Terminal.printDiagnostics(outcome.diagnostics)
            if outcome.exitCode == 0 { Terminal.error("\(notebook): ok") }
            worst = max(worst, outcome.exitCode)
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

extension RunOptions {
    /// The options with the run store at `path` (the default store when `nil`).
    func recording(in path: String?) -> RunOptions {
        var options = self
        options.storePath = path
        return options
    }
}

enum ParameterArgument {
    static func parse(_ arguments: [String]) throws -> [(name: String, value: String)] {
        try arguments.map { argument in
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("-p takes name=value; got `\(argument)`")
            }
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
    }
}
