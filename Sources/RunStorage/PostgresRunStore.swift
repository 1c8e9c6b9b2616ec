import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// The run store in a PostgreSQL database, for a team that shares one record of its runs
/// (`--store postgres://USER:PASSWORD@HOST:PORT/DATABASE`); the same schema, migrations and
/// records as the SQLite `RunStore`.
///
/// The API is synchronous, like `RunStore`'s, so it is bridged without Swift concurrency:
/// the connection lives on a one-thread NIO event loop group of the store's own, every query
/// uses PostgresNIO's `EventLoopFuture` API (no `Task`, no `async` code), and the calling
/// thread waits for the future as it waits for SQLite's disk and busy timeout. Nothing the wait
/// depends on is ever scheduled on Swift's cooperative pool, so a caller that is on a pool
/// thread (a synchronous command under an async `main`, a test) cannot starve the pool into a
/// deadlock: the reply is produced on the event loop thread alone. An `async` store API would
/// be the way to free the caller's thread as well. Calls on one store are serialized (one
/// connection, one transaction at a time); several stores, in one process or many, write at
/// once like several `psql` sessions.
///
/// Migrations run under a `pg_advisory_lock`, so two first runs never race to create the
/// schema; `finish` is one transaction. A connection the server dropped while a long run was
/// going is reopened on the next call.
public final class PostgresRunStore: RunStoring, @unchecked Sendable {
    /// The event loop every PostgreSQL run store's connection runs on (lives as long as the process).
    static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// The database's address.
    public let url: PostgresStoreURL
    /// The URL without its password.
    public var location: String { url.description }

    let logger: Logger
    private let lock = NSLock()
    /// The open connection; read and replaced only with `lock` held.
    private var connection: PostgresConnection

    /// Connects to the database at `url` and brings its schema up to date; the error names
    /// the host, port and database and the cause, never the password.
    public init(url: PostgresStoreURL) throws(RunStoreError) {
        self.url = url
        var logger = Logger(label: "labbook.run-store")
        logger.logLevel = .critical
        self.logger = logger
        connection = try Self.connect(url, logger: logger)
        do {
            try Self.migrate(connection, logger: logger)
        } catch {
            Self.close(connection)
            throw RunStoreError("cannot migrate the run store \(url): \(Self.describe(error, url: url))")
        }
    }

    /// Parses `url` (see `PostgresStoreURL`) and connects.
    public convenience init(url: String) throws(RunStoreError) {
        try self.init(url: PostgresStoreURL(url))
    }

    deinit {
        Self.close(connection)
    }

    /// Closes `connection` without waiting, keeping it alive until it is closed (PostgresNIO
    /// requires a connection to be closed before it goes away).
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    @discardableResult
    public func begin(_ record: RunRecord) throws(RunStoreError) -> Int64 {
        try write { connection in
            let rows = try Self.run(
                """
                INSERT INTO run (notebook_path, notebook_hash, seed, key_metric, engine_version, os_name, os_version, cpu_count,
                    process_id, boot_id, process_start_ticks, started_at, status)
                VALUES (\(record.notebookPath), \(record.notebookHash), \(String(record.seed)), \(record.keyMetric),
                    \(record.engineVersion), \(record.machine.osName), \(record.machine.osVersion), \(Int64(record.machine.cpuCount)),
                    \(Int64(record.process.pid)), \(record.process.bootID), \(record.process.startTicks),
                    \(record.startedAt.timeIntervalSince1970), 'running')
                RETURNING id
                """, on: connection, logger: logger)
            guard let row = rows.first else { throw RunStoreError("the insert returned no id") }
            let id = try row.makeRandomAccess()["id"].decode(Int64.self)
            try Self.insertParameters(record.parameters, run: id, on: connection, logger: logger)
            return id
        }
    }

    public func finish(_ record: RunRecord) throws(RunStoreError) {
        guard let id = record.id else { throw RunStoreError("a run must be begun before it is finished") }
        try write { connection in
            let updated = try Self.run(
                """
                UPDATE run SET notebook_hash = \(record.notebookHash), seed = \(String(record.seed)), status = 'finished',
                    exit_code = \(Int64(record.exitCode ?? 0)), ended_at = \((record.endedAt ?? Date()).timeIntervalSince1970)
                WHERE id = \(id)
                """, on: connection, logger: logger)
            guard updated.metadata.rows == 1 else { throw RunStoreError("run \(id) is not in the store") }
            for table in Self.childTables {
                try Self.run("DELETE FROM \(unescaped: table) WHERE run_id = \(id)", on: connection, logger: logger)
            }
            try Self.insertParameters(record.parameters, run: id, on: connection, logger: logger)
            try Self.insertDetails(record, run: id, on: connection, logger: logger)
        }
    }

    public func runs(notebook: String?) throws(RunStoreError) -> [RunRecord] {
        try read { connection in
            try Self.records(notebook.map { .notebook($0) } ?? .all, on: connection, logger: logger)
        }
    }

    public func run(id: Int64) throws(RunStoreError) -> RunRecord? {
        try read { connection in try Self.records(.id(id), on: connection, logger: logger).first }
    }

    /// `body` in one read-write transaction, rolled back when it throws.
    private func write<T>(_ body: (PostgresConnection) throws -> T) throws(RunStoreError) -> T {
        try transaction("BEGIN", failure: "cannot write to", body)
    }

    /// `body` in one read-only transaction that sees a single snapshot of the store.
    private func read<T>(_ body: (PostgresConnection) throws -> T) throws(RunStoreError) -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", failure: "cannot read", body)
    }

    private func transaction<T>(
        _ begin: String, failure: String, _ body: (PostgresConnection) throws -> T
    ) throws(RunStoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if connection.isClosed { connection = try Self.connect(url, logger: logger) }
        do {
            do {
                try Self.run(PostgresQuery(unsafeSQL: begin), on: connection, logger: logger)
            } catch {
                // The server dropped the idle connection (restarted, timed out, terminated it)
                // before we noticed; its FATAL error can arrive before the connection reads as
                // closed. BEGIN failed, so nothing ran: connect again and begin once more (a
                // server that is really gone fails again, with the connection's own error).
                Self.close(connection)
                connection = try Self.connect(url, logger: logger)
                try Self.run(PostgresQuery(unsafeSQL: begin), on: connection, logger: logger)
            }
            let connection = self.connection
            do {
                let result = try body(connection)
                try Self.run("COMMIT", on: connection, logger: logger)
                return result
            } catch {
                _ = try? Self.run("ROLLBACK", on: connection, logger: logger)
                throw error
            }
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw RunStoreError("\(failure) the run store \(url): \(Self.describe(error, url: url))")
        }
    }

    /// Runs `sql` outside any transaction (e.g. `CREATE DATABASE`) and returns each row's
    /// first column as text; for tests and maintenance, never with user input.
    func execute(unsafeSQL sql: String) throws(RunStoreError) -> [String?] {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try Self.run(PostgresQuery(unsafeSQL: sql), on: connection, logger: logger).map { row in
                try row.makeRandomAccess()[0].decode(String?.self)
            }
        } catch {
            throw RunStoreError("cannot run SQL on the run store \(url): \(Self.describe(error, url: url))")
        }
    }

    /// Runs one statement and waits for its rows (see the type's note on blocking).
    @discardableResult
    static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    private static func connect(_ url: PostgresStoreURL, logger: Logger) throws(RunStoreError) -> PostgresConnection {
        do {
            var configuration = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                tls: try tls(url.tls))
            configuration.options.connectTimeout = .seconds(10)
            return try PostgresConnection.connect(
                on: eventLoopGroup.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw RunStoreError("cannot connect to the run store \(url): \(describe(error, url: url))")
        }
    }

    private static func tls(_ mode: PostgresStoreURL.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if mode != .verifyFull { configuration.certificateVerification = .none }
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: configuration))
        case .require, .verifyFull: return .require(try NIOSSLContext(configuration: configuration))
        }
    }
}
