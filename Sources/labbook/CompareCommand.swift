import ArgumentParser
import RunStorage

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two runs: parameters and metrics, old → new.",
        discussion: """
            Like `dvc metrics diff`: one row per model, data split and metric with the old value, the new value and the change (new − old); a metric only one run has shows — on the other side. Parameters are listed when they differ.

            Examples:
              labbook compare 3 5
              labbook compare 3 5 --store notebooks/.labbook/labbook.sqlite
              labbook compare 3 5 --store postgres://labbook:secret@db.internal:5432/labbook
            """)

    @Argument(help: "The old run's id.")
    var old: Int64

    @Argument(help: "The new run's id.")
    var new: Int64

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        guard let first = try store.run(id: old) else { throw StoreFailure("no run \(old) in \(store.location); `labbook runs` lists them") }
        guard let second = try store.run(id: new) else { throw StoreFailure("no run \(new) in \(store.location); `labbook runs` lists them") }
        print(RunComparison(old: first, new: second).render())
    }
}
