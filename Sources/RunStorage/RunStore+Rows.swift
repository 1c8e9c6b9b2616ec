import Foundation
import GRDB

extension RunStore {
    static func insertParameters(_ parameters: [RunParameter], run id: Int64, db: Database) throws {
        for (position, parameter) in parameters.enumerated() {
            try db.execute(
                sql: "INSERT INTO run_parameter (run_id, position, name, value) VALUES (?, ?, ?, ?)",
                arguments: [id, position, parameter.name, parameter.value])
        }
    }

    static func insertDetails(_ record: RunRecord, run id: Int64, db: Database) throws {
        for step in record.steps {
            try db.execute(
                sql: """
                    INSERT INTO run_step (run_id, position, kind, label, cache_key, status, seconds, peak_memory_bytes, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, step.position, step.kind, step.label, step.cacheKey, step.status.rawValue, step.seconds,
                    step.peakMemoryBytes, step.message,
                ])
        }
        for (position, input) in record.inputs.enumerated() {
            try db.execute(
                sql: "INSERT INTO run_input (run_id, position, path, fingerprint) VALUES (?, ?, ?, ?)",
                arguments: [id, position, input.path, input.fingerprint])
        }
        for (position, metric) in record.metrics.enumerated() {
            try db.execute(
                sql: "INSERT INTO run_metric (run_id, position, model, dataset, metric, value) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, position, metric.model, metric.dataset, metric.metric, metric.value])
        }
        for (position, deployment) in record.deployments.enumerated() {
            try db.execute(
                sql: "INSERT INTO run_deployment (run_id, position, name, version) VALUES (?, ?, ?, ?)",
                arguments: [id, position, deployment.name, deployment.version])
        }
        for (position, verdict) in record.driftVerdicts.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO run_drift (run_id, position, current, reference, drifted, drifted_share, drifted_features)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, position, verdict.current, verdict.reference, verdict.drifted, verdict.driftedShare,
                    verdict.driftedFeatures.joined(separator: "\n"),
                ])
        }
    }

    /// A record from its `run` row and its child rows; a `running` row whose process is gone
    /// reads as `interrupted`.
    static func record(from row: Row, db: Database) throws -> RunRecord {
        let id: Int64 = row["id"]
        let process = RunProcess(pid: row["process_id"], bootID: row["boot_id"], startTicks: row["process_start_ticks"])
        let status = RunStatus.reading(stored: row["status"], process: process)
        let endedAt: Double? = row["ended_at"]
        let exitCode: Int64? = row["exit_code"]
        let arguments: StatementArguments = [id]
        let parameters = try Row.fetchAll(db, sql: "SELECT * FROM run_parameter WHERE run_id = ? ORDER BY position", arguments: arguments)
            .map { RunParameter(name: $0["name"], value: $0["value"]) }
        let steps = try Row.fetchAll(db, sql: "SELECT * FROM run_step WHERE run_id = ? ORDER BY position", arguments: arguments)
            .map { row in
                RunStep(
                    position: row["position"], kind: row["kind"], label: row["label"], cacheKey: row["cache_key"],
                    status: RunStep.Status(rawValue: row["status"]) ?? .failed, seconds: row["seconds"],
                    peakMemoryBytes: row["peak_memory_bytes"], message: row["message"])
            }
        let inputs = try Row.fetchAll(db, sql: "SELECT * FROM run_input WHERE run_id = ? ORDER BY position", arguments: arguments)
            .map { RunInput(path: $0["path"], fingerprint: $0["fingerprint"]) }
        let metrics = try Row.fetchAll(db, sql: "SELECT * FROM run_metric WHERE run_id = ? ORDER BY position", arguments: arguments)
            .map { RunMetric(model: $0["model"], dataset: $0["dataset"], metric: $0["metric"], value: $0["value"]) }
        let deployments = try Row.fetchAll(db, sql: "SELECT * FROM run_deployment WHERE run_id = ? ORDER BY position", arguments: arguments)
            .map { RunDeployment(name: $0["name"], version: $0["version"]) }
        let drift = try Row.fetchAll(db, sql: "SELECT * FROM run_drift WHERE run_id = ? ORDER BY position", arguments: arguments)
            .map { row in
                let features: String = row["drifted_features"]
                return RunDriftVerdict(
                    current: row["current"], reference: row["reference"], drifted: row["drifted"],
                    driftedShare: row["drifted_share"],
                    driftedFeatures: features.isEmpty ? [] : features.components(separatedBy: "\n"))
            }
        let seedText: String = row["seed"]
        return RunRecord(
            id: id, notebookPath: row["notebook_path"], notebookHash: row["notebook_hash"], parameters: parameters,
            seed: UInt64(seedText) ?? 0, keyMetric: row["key_metric"], steps: steps, inputs: inputs, metrics: metrics, deployments: deployments,
            driftVerdicts: drift, exitCode: exitCode.map { Int32(truncatingIfNeeded: $0) },
            engineVersion: row["engine_version"],
            machine: RunMachine(osName: row["os_name"], osVersion: row["os_version"], cpuCount: row["cpu_count"]),
            process: process, startedAt: Date(timeIntervalSince1970: row["started_at"]),
            endedAt: endedAt.map { Date(timeIntervalSince1970: $0) }, status: status)
    }
}
