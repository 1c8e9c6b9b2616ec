import ArgumentParser
import Foundation
import NotebookRunner

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-render a notebook whenever it or a data file it reads is saved.",
        discussion: """
            Runs the notebook, then polls the notebook, the --params file and every data file the run read (every 300 ms) and runs again when one changes, printing which directives ran. Stop with Ctrl-C.

            Examples:
              labbook watch notebooks/income.md
              labbook watch notebooks/income.md --out /tmp/reports -p max_depth=12
            """)

    @Argument(help: "The notebook to watch.")
    var notebook: String

    @Option(name: .long, help: "Folder for the reports.")
    var out = "reports"

    @OptionGroup var input: NotebookInputOptions

    @Option(name: .long, help: "State folder (default: .labbook beside the notebook).")
    var state: String?

    func run() throws {
        var options = RunOptions(
            notebookPath: notebook, outputDirectory: out, parameterOverrides: try input.overrides(),
            stateDirectory: state, progress: Terminal.progressLine)
        input.apply(to: &options)
        var watch = FileWatch(paths: Runner.watchedFiles(options, after: Runner.check(options)))
        while true {
            let outcome = Runner.run(options)
            Terminal.clearProgress()
            Terminal.printOutcome(outcome, notebook: notebook)
            watch.add(Runner.watchedFiles(options, after: outcome))
            Terminal.error(Terminal.paint("watching \(watch.paths.count) files; Ctrl-C to stop", "2"))
            var changed: [String] = []
            while changed.isEmpty {
                Thread.sleep(forTimeInterval: 0.3)
                changed = watch.poll()
            }
            Terminal.error("changed: " + changed.joined(separator: ", "))
        }
    }
}
