/// A run store: the record of every notebook run, in SQLite (`RunStore`, the default) or in
/// PostgreSQL (`PostgresRunStore`, for a team). Both keep the same schema, apply the same
/// migrations and read back the same records; open one from a `--store` value with
/// `RunStoreLocation`.
///
/// A run is inserted as `running` by `begin` and completed by `finish` in one transaction; a
/// `running` run whose process is gone reads back as `interrupted` (see `RunProcess`).
public protocol RunStoring: Sendable {
    /// Where the store is, as messages show it: the SQLite file's path, or the PostgreSQL URL
    /// without its password.
    var location: String { get }

    /// Inserts `record` as a `running` run (with its parameters) and returns its id.
    @discardableResult
    func begin(_ record: RunRecord) throws(RunStoreError) -> Int64

    /// Completes the run `record.id` (inserted by `begin`): its steps, inputs, metrics,
    /// deployments and drift verdicts, exit code and end time, all in one transaction.
    func finish(_ record: RunRecord) throws(RunStoreError)

    /// Runs, oldest first; only those of `notebook` (as reports show its path) when given.
    func runs(notebook: String?) throws(RunStoreError) -> [RunRecord]

    /// The run with `id`, or `nil`.
    func run(id: Int64) throws(RunStoreError) -> RunRecord?
}

extension RunStoring {
    /// Every run, oldest first.
    public func runs() throws(RunStoreError) -> [RunRecord] { try runs(notebook: nil) }
}
