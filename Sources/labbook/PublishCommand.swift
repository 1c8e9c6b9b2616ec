import ArgumentParser
import Foundation
import NotebookRunner
import RunStorage

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Build a static site of a reports folder: an index of every notebook's latest report.",
        discussion: """
            Writes OUT/index.html and OUT/index.md — one row per notebook: its title, key metric (the goal's metric, else the best roc_auc or accuracy), goal verdict, a small chart of the key metric over its last 20 recorded runs, its directives' outcome, and links to its HTML and Markdown reports, run.json and sweep comparison — and copies every file of the reports folder beside them. Files only: upload OUT to any static host. The pages hold no dates or absolute paths, so the same reports and run store give byte-identical pages.

            The history comes from the run store (--store, else the one `labbook runs` finds); without one the history column is empty.

            Examples:
              labbook publish reports/ --out site/
              labbook publish reports/ --out site/ --store notebooks/.labbook/labbook.sqlite --title "Census experiments"
            """)

    @Argument(help: ArgumentHelp("The reports folder (NAME.html, NAME.md, NAME.run.json).", valueName: "reports"))
    var reports: String

    @Option(name: .long, help: ArgumentHelp("The site folder to write.", valueName: "folder"))
    var out: String

    @Option(name: .long, help: "The index's title.")
    var title = "Labbook reports"

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store: (any RunStoring)? = storeOptions.store != nil ? try storeOptions.open() : try? storeOptions.open()
        var unreadable: String?
        let outcome: ReportSite.Outcome
        do {
            outcome = try ReportSite.publish(reports: reports, out: out, title: title) { notebook in
                guard let store else { return [] }
                do {
                    return try store.runs(notebook: notebook)
                } catch {
                    unreadable = "\(error)"
                    return []
                }
            }
        } catch {
            throw StoreFailure("\(error)")
        }
        if let unreadable { Terminal.error("warning: no history: \(unreadable)") }
        let count = outcome.index.entries.count
        let history = store.map { " (history from \($0.location))" } ?? " (no run store found: no history)"
        Terminal.error(
            "published \(count) \(count == 1 ? "report" : "reports") to \((out as NSString).appendingPathComponent("index.html"))\(history)")
    }
}
