import ArgumentParser
import Foundation
import NotebookRunner

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove a notebook reproducible: three runs, byte-identical reports.",
        discussion: """
            Runs the notebook twice from scratch (each in a fresh temporary state folder, so nothing is cached, writing to a temporary folder), then once more reusing the second run's state folder, and compares the three HTML and Markdown reports byte for byte. Temporary folders are removed afterwards; reports/ is not touched.

            Prints the first differing line (file, line number, both versions) and exits 1 when the reports differ; otherwise prints one line and exits with the runs' own exit code (0 when they succeeded).

            Examples:
              labbook verify notebooks/income.md
              labbook verify notebooks/income.md -p max_depth=12
            """)

    @Argument(help: "The notebook to verify.")
    var notebook: String

    @OptionGroup var input: NotebookInputOptions

    func run() throws {
        var options = RunOptions(
            notebookPath: notebook, parameterOverrides: try input.overrides(),
            progress: Terminal.progressLine)
        input.apply(to: &options)
        let outcome = Runner.verify(options)
        Terminal.clearProgress()
        Terminal.printDiagnostics(outcome.diagnostics)
        if let difference = outcome.difference {
            Terminal.error("\(notebook): " + Terminal.paint("not reproducible", "1;31") + ": \(difference)")
        } else if outcome.diagnostics.isEmpty, !outcome.comparedFiles.isEmpty {
            let seconds = outcome.runs.map { String(format: "%.2f", $0.seconds) }.joined(separator: " / ")
            Terminal.error(
                "\(notebook): " + Terminal.paint("reproducible", "32")
                    + ": 3 runs (cold, cold, from state) gave byte-identical \(outcome.comparedFiles.joined(separator: ", ")) in \(seconds) s")
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
