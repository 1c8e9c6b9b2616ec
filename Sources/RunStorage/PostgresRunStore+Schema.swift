import Logging
import PostgresNIO

extension PostgresRunStore {
    /// The tables that hold a run's details, deleted and rewritten by `finish`.
    static let childTables = ["run_parameter", "run_step", "run_input", "run_metric", "run_deployment", "run_drift"]

    /// The key of the session-level advisory lock held while migrating (`labbook` in ASCII).
    static let migrationLockKey: Int64 = 0x6C61_6262_6F6F_6B00

    /// The schema's migrations, by the same names and in the same order as `RunStore.migrator`'s
    /// (recorded in `labbook_migrations`, so both stores advance together); a migration is never
    /// edited once released, new ones are appended. Each is a list of statements, applied in one
    /// transaction with its name.
    static let migrations: [(name: String, statements: [String])] = [
        (
            "v1: runs",
            [
                """
                CREATE TABLE run (
                    id BIGSERIAL PRIMARY KEY,
                    notebook_path TEXT NOT NULL,
                    notebook_hash TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    key_metric TEXT,
                    engine_version TEXT NOT NULL,
                    os_name TEXT NOT NULL,
                    os_version TEXT NOT NULL,
                    cpu_count BIGINT NOT NULL,
                    process_id BIGINT NOT NULL,
                    boot_id TEXT NOT NULL,
                    process_start_ticks BIGINT NOT NULL,
                    started_at DOUBLE PRECISION NOT NULL,
                    ended_at DOUBLE PRECISION,
                    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
                    exit_code BIGINT
                )
                """,
                "CREATE INDEX run_by_notebook ON run (notebook_path, id)",
                """
                CREATE TABLE run_parameter (
                    run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE run_step (
                    run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    kind TEXT NOT NULL,
                    label TEXT,
                    cache_key TEXT,
                    status TEXT NOT NULL CHECK (status IN ('ran', 'cached', 'failed', 'skipped')),
                    seconds DOUBLE PRECISION NOT NULL,
                    peak_memory_bytes BIGINT NOT NULL,
                    message TEXT,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE run_input (
                    run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    path TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE run_metric (
                    run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    model TEXT NOT NULL,
                    dataset TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    value DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE run_deployment (
                    run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    name TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE run_drift (
                    run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    current TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    drifted BIGINT NOT NULL,
                    drifted_share DOUBLE PRECISION NOT NULL,
                    drifted_features TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
            ]
        ),
    ]

    /// Applies the migrations not yet in `labbook_migrations`, holding the advisory lock so a
    /// concurrent first run waits instead of racing to create the same tables.
    static func migrate(_ connection: PostgresConnection, logger: Logger) throws {
        try run("SELECT pg_advisory_lock(\(migrationLockKey))", on: connection, logger: logger)
        defer { _ = try? run("SELECT pg_advisory_unlock(\(migrationLockKey))", on: connection, logger: logger) }
        try run(
            "CREATE TABLE IF NOT EXISTS labbook_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            on: connection, logger: logger)
        let applied = Set(try appliedMigrations(connection, logger: logger))
        for migration in migrations where !applied.contains(migration.name) {
            try run("BEGIN", on: connection, logger: logger)
            do {
                for statement in migration.statements {
                    try run(PostgresQuery(unsafeSQL: statement), on: connection, logger: logger)
                }
                try run("INSERT INTO labbook_migrations (name) VALUES (\(migration.name))", on: connection, logger: logger)
                try run("COMMIT", on: connection, logger: logger)
            } catch {
                _ = try? run("ROLLBACK", on: connection, logger: logger)
                throw error
            }
        }
    }

    /// The names in `labbook_migrations`, in the order they were applied.
    static func appliedMigrations(_ connection: PostgresConnection, logger: Logger) throws -> [String] {
        try run("SELECT name FROM labbook_migrations ORDER BY applied_at, name", on: connection, logger: logger)
            .map { try $0.makeRandomAccess()["name"].decode(String.self) }
    }
}
