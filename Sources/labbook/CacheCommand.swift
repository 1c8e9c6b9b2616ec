import ArgumentParser
import Foundation
import NotebookRunner

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Manage the directive cache (.labbook/cache/).",
        subcommands: [CacheCleanCommand.self])
}

struct CacheCleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove cached results that the latest runs do not use.",
        discussion: """
            Every run records which cache entries it used. `cache clean NOTEBOOK...` keeps only what the latest run of those notebooks uses and removes every other entry and object from their state folders; without notebooks it keeps what the latest run of every notebook that still exists uses, in the state folder given by --state (default: ./.labbook). --all removes the whole cache. The next run executes whatever is no longer cached.

            Examples:
              labbook cache clean notebooks/income.md
              labbook cache clean notebooks/*.md
              labbook cache clean --state notebooks/.labbook
              labbook cache clean --all notebooks/income.md
            """)

    @Argument(help: "Notebooks whose latest runs' results are kept.")
    var notebooks: [String] = []

    @Flag(name: .long, help: "Remove everything in the cache.")
    var all = false

    @Option(name: .long, help: "State folder (default: .labbook beside each notebook, or ./.labbook without notebooks).")
    var state: String?

    func run() throws {
        var folders: [(state: String, notebooks: [String]?)] = []
        if notebooks.isEmpty {
            folders.append((state ?? ".labbook", nil))
        } else {
            for notebook in notebooks {
                let folder = CacheMaintenance.stateDirectory(forNotebook: notebook, override: state)
                if let index = folders.firstIndex(where: { $0.state == folder }) {
                    folders[index].notebooks?.append(notebook)
                } else {
                    folders.append((folder, [notebook]))
                }
            }
        }
        for (folder, kept) in folders {
            let result = all
                ? CacheMaintenance.removeAll(stateDirectory: folder)
                : CacheMaintenance.clean(stateDirectory: folder, keeping: kept)
            let freed = Self.describe(bytes: result.freedBytes)
            Terminal.error(
                "\(folder)/cache: removed \(result.removedEntries) entries and \(result.removedObjects) objects, freed \(freed)"
                    + (all ? "" : "; kept \(result.keptEntries) entries"))
        }
    }

    /// `812 B`, `3.4 MiB`.
    static func describe(bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
