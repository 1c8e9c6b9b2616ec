import ArgumentParser
import Foundation
import NotebookRunner
import RunStorage

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List recorded runs, oldest first.",
        discussion: """
            Every `labbook run` is recorded in the run store (.labbook/labbook.sqlite beside the notebook, or the PostgreSQL database named with --store postgres://…). A run whose process died before it finished (killed, crashed) is listed as interrupted.

            Examples:
              labbook runs
              labbook runs notebooks/income.md
              labbook runs --store /tmp/state/labbook.sqlite --last 5
              labbook runs --store postgres://labbook:secret@db.internal:5432/labbook
            """)

    @Argument(help: "Only the runs of this notebook (its path as you pass it to `labbook run`).")
    var notebook: String?

    @Option(name: .long, help: "Show only the last N runs.")
    var last: Int?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open(notebook: notebook)
        var runs = try store.runs(notebook: notebook.map { NotebookPaths.displayPath(for: $0) })
        if let last { runs = Array(runs.suffix(max(0, last))) }
        guard !runs.isEmpty else {
            Terminal.error("no runs recorded in \(store.location)")
            return
        }
        let table = TextTable(
            columns: ["id", "notebook", "status", "exit", "ran", "cached", "failed", "seconds", "headline", "when"],
            rightAligned: [0, 3, 4, 5, 6, 7],
            rows: runs.map { run in
                [
                    String(run.id ?? 0), run.notebookPath, run.status.rawValue, run.exitCode.map(String.init) ?? "—",
                    String(run.count(.ran)), String(run.count(.cached)), String(run.count(.failed)),
                    RunText.seconds(run.seconds), RunText.headline(run), RunText.when(run.startedAt),
                ]
            })
        print(table.render())
    }
}
