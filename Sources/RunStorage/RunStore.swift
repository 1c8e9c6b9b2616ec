public import Foundation
import FileKinds
import GRDB

/// The SQLite record of every notebook run (`.labbook/labbook.sqlite` by default); see
/// `RunStoring`, and `PostgresRunStore` for a store a team shares.
///
/// ```swift
/// let store = try RunStore(path: ".labbook/labbook.sqlite")
/// var record = RunRecord(notebookPath: "notebooks/income.md", notebookHash: hash, seed: 42, engineVersion: "0.1.0")
/// record.id = try store.begin(record)   // a `running` row, committed at once
/// …                                     // the run
/// record.exitCode = 0
/// try store.finish(record)              // steps, metrics, … and `finished`, in one transaction
/// ```
///
/// Safe with several processes at once: the file is in WAL mode, every write is one short
/// `IMMEDIATE` transaction and a busy connection waits (up to `busyTimeout`) instead of failing
/// with "database is locked". Opening and migrating take an exclusive `flock` on
/// `PATH.lock`, so two first runs never race to create the schema. A run whose process died
/// before `finish` keeps its `running` row and reads back as `interrupted` (see `RunProcess`).
///
/// Not safe on a network file system (NFS, SMB, …): SQLite's locks and WAL's shared memory
/// do not work across machines, so concurrent writers there can corrupt the file. A team
/// that shares one store should use PostgreSQL (`--store postgres://…`).
public final class RunStore: RunStoring {
    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 60

    /// The database file.
    public let path: String
    /// The database file (`path`).
    public var location: String { path }
    private let queue: DatabaseQueue

    /// Opens (creating if need be) the store at `path` and brings its schema up to date.
    public init(path: String) throws(RunStoreError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            queue = try FileLock.withExclusiveLock(at: path + ".lock") {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try Self.migrator.migrate(queue)
                return queue
            }
        } catch {
            throw RunStoreError("cannot open the run store \(path): \(error)")
        }
    }

    /// Inserts `record` as a `running` run (with its parameters) and returns its id.
    @discardableResult
    public func begin(_ record: RunRecord) throws(RunStoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO run (notebook_path, notebook_hash, seed, key_metric, engine_version, os_name, os_version, cpu_count,
                        process_id, boot_id, process_start_ticks, started_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')
                    """,
                arguments: [
                    record.notebookPath, record.notebookHash, String(record.seed), record.keyMetric, record.engineVersion,
                    record.machine.osName, record.machine.osVersion, record.machine.cpuCount, record.process.pid,
                    record.process.bootID, record.process.startTicks, record.startedAt.timeIntervalSince1970,
                ])
            let id = db.lastInsertedRowID
            try Self.insertParameters(record.parameters, run: id, db: db)
            return id
        }
    }

    /// Completes the run `record.id` (inserted by `begin`): its steps, inputs, metrics,
    /// deployments and drift verdicts, exit code and end time, all in one transaction.
    public func finish(_ record: RunRecord) throws(RunStoreError) {
        guard let id = record.id else { throw RunStoreError("a run must be begun before it is finished") }
        try write { db in
            try db.execute(
                sql: """
                    UPDATE run SET notebook_hash = ?, seed = ?, status = 'finished', exit_code = ?, ended_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    record.notebookHash, String(record.seed), record.exitCode ?? 0,
                    (record.endedAt ?? Date()).timeIntervalSince1970, id,
                ])
            guard db.changesCount == 1 else { throw RunStoreError("run \(id) is not in the store") }
            for table in ["run_parameter", "run_step", "run_input", "run_metric", "run_deployment", "run_drift"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE run_id = ?", arguments: [id])
            }
            try Self.insertParameters(record.parameters, run: id, db: db)
            try Self.insertDetails(record, run: id, db: db)
        }
    }

    /// Runs, oldest first; only those of `notebook` (as reports show its path) when given.
    public func runs(notebook: String?) throws(RunStoreError) -> [RunRecord] {
        try read { db in
            let rows = try notebook.map {
                try Row.fetchAll(db, sql: "SELECT * FROM run WHERE notebook_path = ? ORDER BY id", arguments: [$0])
            } ?? Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id")
            return try rows.map { try Self.record(from: $0, db: db) }
        }
    }

    /// The run with `id`, or `nil`.
    public func run(id: Int64) throws(RunStoreError) -> RunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]).map { try Self.record(from: $0, db: db) }
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                result = try body(db)
                return .commit
            }
            guard let result else { throw RunStoreError("the transaction returned nothing") }
            return result
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw RunStoreError("cannot write to the run store \(path): \(error)")
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw RunStoreError("cannot read the run store \(path): \(error)")
        }
    }
}
