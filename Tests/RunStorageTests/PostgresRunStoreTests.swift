import Foundation
import GRDB
import Testing
@testable import RunStorage

/// What only the PostgreSQL store does: its migration table, its advisory lock and its
/// connection errors. Skipped without a server (see `PostgresTestServer`).
@Suite(.enabled(if: PostgresTestServer.url != nil, PostgresTestServer.skipMessage))
struct PostgresRunStoreTests {
    @Test func migrationsAreRecordedByTheSQLiteStoresNames() throws {
        let scratch = try ScratchStore(.postgres)
        let store = try #require(try scratch.open() as? PostgresRunStore)
        let names = try store.execute(unsafeSQL: "SELECT name FROM labbook_migrations ORDER BY applied_at, name")
        #expect(names.compactMap { $0 } == RunStore.migrator.migrations)
        #expect(PostgresRunStore.migrations.map(\.name) == RunStore.migrator.migrations)
        _ = try scratch.open()
        #expect(try store.execute(unsafeSQL: "SELECT count(*)::text FROM labbook_migrations") == ["\(RunStore.migrator.migrations.count)"])
    }

    @Test func theSchemaHasTheSQLiteStoresTablesAndColumns() throws {
        let scratch = try ScratchStore(.postgres)
        let store = try #require(try scratch.open() as? PostgresRunStore)
        let columns = try store.execute(
            unsafeSQL: """
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name LIKE 'run%' ORDER BY table_name, ordinal_position
                """
        ).compactMap { $0 }
        let sqlite = StoreFolder()
        _ = try RunStore(path: sqlite.path)
        let expected = try SQLiteSchema.columns(path: sqlite.path)
        #expect(columns == expected)
    }

    /// Eight first opens at once on an empty database: the advisory lock makes them wait for
    /// one another, so none fails on a half-created schema.
    @Test func firstOpensAtOnceDoNotRace() throws {
        let scratch = try ScratchStore(.postgres)
        let location = scratch.location
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do { _ = try RunStoreLocation(location).open().runs() } catch { failures.add("\(error)") }
        }
        #expect(failures.all.isEmpty)
    }

    /// A server that drops the store's connection (restarted, idle timeout) between two calls,
    /// as can happen during a long run: the next call connects again.
    @Test func aDroppedConnectionIsReopened() throws {
        let scratch = try ScratchStore(.postgres)
        let store = try scratch.open()
        let id = try store.begin(RunStoreTests.sample())
        let database = try PostgresStoreURL(scratch.location).database
        let terminated = try ScratchStore.admin().execute(
            unsafeSQL: "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = '\(database)'")
        #expect(terminated == ["true"])
        try store.finish(RunStoreTests.finished(RunStoreTests.sample(), id: id))
        #expect(try store.run(id: id)?.status == .finished)
    }

    @Test func aWrongPasswordIsAPlainErrorWithoutThePassword() throws {
        var url = try PostgresStoreURL(try #require(PostgresTestServer.url))
        url.password = "not-the-password-4711"
        let error = #expect(throws: RunStoreError.self) { try RunStoreLocation(ScratchStore.string(url)).open() }
        let text = try #require(error?.description)
        #expect(text.hasPrefix("cannot connect to the run store postgres://\(url.user)@\(url.host):\(url.port)/\(url.database): "))
        #expect(text.contains("password authentication failed"))
        #expect(!text.contains("4711"))
    }

    @Test func anUnknownDatabaseNamesIt() throws {
        var url = try PostgresStoreURL(try #require(PostgresTestServer.url))
        url.database = "labbook_no_such_database"
        let error = #expect(throws: RunStoreError.self) { try RunStoreLocation(ScratchStore.string(url)).open() }
        let text = try #require(error?.description)
        #expect(text.contains("/labbook_no_such_database: "))
        #expect(text.contains("does not exist"))
        #expect(!text.contains(url.password ?? "no password"))
    }
}

/// The SQLite store's tables and columns, as `table.column`, in the order PostgreSQL lists them.
enum SQLiteSchema {
    static func columns(path: String) throws -> [String] {
        let tables = ["run", "run_deployment", "run_drift", "run_input", "run_metric", "run_parameter", "run_step"]
        return try tables.flatMap { table in
            try DatabaseQueue(path: path).read { db in try db.columns(in: table).map { "\(table).\($0.name)" } }
        }
    }
}
