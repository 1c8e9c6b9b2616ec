import GRDB

extension RunStore {
    /// The schema's migrations, applied in order on open; a migration is never edited once
    /// released, new ones are appended.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    notebook_path TEXT NOT NULL,
                    notebook_hash TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    key_metric TEXT,
                    engine_version TEXT NOT NULL,
                    os_name TEXT NOT NULL,
                    os_version TEXT NOT NULL,
                    cpu_count INTEGER NOT NULL,
                    process_id INTEGER NOT NULL,
                    boot_id TEXT NOT NULL,
                    process_start_ticks INTEGER NOT NULL,
                    started_at REAL NOT NULL,
                    ended_at REAL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
                    exit_code INTEGER
                );
                CREATE INDEX run_by_notebook ON run (notebook_path, id);
                CREATE TABLE run_parameter (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                CREATE TABLE run_step (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    label TEXT,
                    cache_key TEXT,
                    status TEXT NOT NULL CHECK (status IN ('ran', 'cached', 'failed', 'skipped')),
                    seconds REAL NOT NULL,
                    peak_memory_bytes INTEGER NOT NULL,
                    message TEXT,
                    PRIMARY KEY (run_id, position)
                );
                CREATE TABLE run_input (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                CREATE TABLE run_metric (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    model TEXT NOT NULL,
                    dataset TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    value REAL NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                CREATE TABLE run_deployment (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                CREATE TABLE run_drift (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    current TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    drifted INTEGER NOT NULL,
                    drifted_share REAL NOT NULL,
                    drifted_features TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                """)
        }
        return migrator
    }
}
