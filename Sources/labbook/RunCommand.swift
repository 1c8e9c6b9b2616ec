import ArgumentParser
import Foundation
import NotebookRunner

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks and write their HTML and Markdown reports.",
        discussion: """
            Examples:
              labbook run notebooks/income.md
              labbook run notebooks/*.md --out reports
              labbook run notebooks/income.md -p max_depth=12
              labbook run notebooks/income.md --store /tmp/runs.sqlite

            Each run writes reports/NAME.html, reports/NAME.md and the provenance manifest reports/NAME.run.json, and is recorded in the run store (see `labbook runs`).

            Directives run in document order. A failing directive is shown in the report at its place; directives that need its outputs are skipped; the report is still written.

            Exit codes: 0 success, 1 a directive failed, 2 the notebook is invalid, 3 an `expect` threshold was not met.
            """)

    @Argument(help: "The notebooks to run.")
    var notebooks: [String]

    @Option(name: .long, help: "Folder for the reports.")
    var out = "reports"

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a front-matter parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(name: .long, help: "Put measured timings into the reports (they then differ between runs).")
    var timings = false

    @Option(name: .long, help: "State folder for the model registry (default: .labbook beside the notebook).")
    var state: String?

    @Option(name: .long, help: ArgumentHelp("The run store (default: labbook.sqlite in the state folder).", valueName: "path"))
    var store: String?

    func run() throws {
        let overrides = try ParameterArgument.parse(parameters)
        var worst: Int32 = 0
        for notebook in notebooks {
            let outcome = Runner.run(
                RunOptions(
                    notebookPath: notebook, outputDirectory: out, parameterOverrides: overrides,
                    reportTimings: timings, stateDirectory: state, progress: Terminal.progressLine)
                    .recording(in: store))
            Terminal.clearProgress()
            Terminal.printOutcome(outcome, notebook: notebook)
            worst = max(worst, outcome.exitCode)
        }
        if worst != 0 { throw ExitCode(worst) }
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
            """)

    @Argument(help: "The notebooks to check.")
    var notebooks: [String]

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a front-matter parameter.", valueName: "name=value"))
    var parameters: [String] = []

    func run() throws {
        let overrides = try ParameterArgument.parse(parameters)
        var worst: Int32 = 0
        for notebook in notebooks {
            let outcome = Runner.check(RunOptions(notebookPath: notebook, parameterOverrides: overrides))
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
