import Foundation
import Logging
import PostgresNIO

extension PostgresRunStore {
    /// Which runs a read returns.
    enum Selection {
        case all
        case notebook(String)
        case id(Int64)
    }

    static func insertParameters(_ parameters: [RunParameter], run id: Int64, on connection: PostgresConnection, logger: Logger) throws {
        for (position, parameter) in parameters.enumerated() {
            try run(
                "INSERT INTO run_parameter (run_id, position, name, value) VALUES (\(id), \(Int64(position)), \(parameter.name), \(parameter.value))",
                on: connection, logger: logger)
        }
    }

    static func insertDetails(_ record: RunRecord, run id: Int64, on connection: PostgresConnection, logger: Logger) throws {
        for step in record.steps {
            try run(
                """
                INSERT INTO run_step (run_id, position, kind, label, cache_key, status, seconds, peak_memory_bytes, message)
                VALUES (\(id), \(Int64(step.position)), \(step.kind), \(step.label), \(step.cacheKey), \(step.status.rawValue),
                    \(step.seconds), \(step.peakMemoryBytes), \(step.message))
                """, on: connection, logger: logger)
        }
        for (position, input) in record.inputs.enumerated() {
            try run(
                "INSERT INTO run_input (run_id, position, path, fingerprint) VALUES (\(id), \(Int64(position)), \(input.path), \(input.fingerprint))",
                on: connection, logger: logger)
        }
        for (position, metric) in record.metrics.enumerated() {
            try run(
                """
                INSERT INTO run_metric (run_id, position, model, dataset, metric, value)
                VALUES (\(id), \(Int64(position)), \(metric.model), \(metric.dataset), \(metric.metric), \(metric.value))
                """, on: connection, logger: logger)
        }
        for (position, deployment) in record.deployments.enumerated() {
            try run(
                """
                INSERT INTO run_deployment (run_id, position, name, version)
                VALUES (\(id), \(Int64(position)), \(deployment.name), \(Int64(deployment.version)))
                """, on: connection, logger: logger)
        }
        for (position, verdict) in record.driftVerdicts.enumerated() {
            try run(
                """
                INSERT INTO run_drift (run_id, position, current, reference, drifted, drifted_share, drifted_features)
                VALUES (\(id), \(Int64(position)), \(verdict.current), \(verdict.reference), \(Int64(verdict.drifted ? 1 : 0)),
                    \(verdict.driftedShare), \(verdict.driftedFeatures.joined(separator: "\n")))
                """, on: connection, logger: logger)
        }
    }

    /// The selected runs, oldest first, with their details: one query per table (not per run).
    static func records(_ selection: Selection, on connection: PostgresConnection, logger: Logger) throws -> [RunRecord] {
        let runs = try run(query(table: "run", selection), on: connection, logger: logger).map { $0.makeRandomAccess() }
        guard !runs.isEmpty else { return [] }
        func children(_ table: String) throws -> [Int64: [PostgresRandomAccessRow]] {
            let rows = try run(query(table: table, selection), on: connection, logger: logger).map { $0.makeRandomAccess() }
            return try Dictionary(grouping: rows) { try $0["run_id"].decode(Int64.self) }
        }
        let parameters = try children("run_parameter")
        let steps = try children("run_step")
        let inputs = try children("run_input")
        let metrics = try children("run_metric")
        let deployments = try children("run_deployment")
        let drift = try children("run_drift")
        return try runs.map { row in
            let id = try row["id"].decode(Int64.self)
            let process = RunProcess(
                pid: Int32(truncatingIfNeeded: try row["process_id"].decode(Int64.self)), bootID: try row["boot_id"].decode(String.self),
                startTicks: try row["process_start_ticks"].decode(Int64.self))
            return RunRecord(
                id: id, notebookPath: try row["notebook_path"].decode(String.self),
                notebookHash: try row["notebook_hash"].decode(String.self),
                parameters: try (parameters[id] ?? []).map {
                    RunParameter(name: try $0["name"].decode(String.self), value: try $0["value"].decode(String.self))
                },
                seed: UInt64(try row["seed"].decode(String.self)) ?? 0, keyMetric: try row["key_metric"].decode(String?.self),
                steps: try (steps[id] ?? []).map(step), inputs: try (inputs[id] ?? []).map {
                    RunInput(path: try $0["path"].decode(String.self), fingerprint: try $0["fingerprint"].decode(String.self))
                },
                metrics: try (metrics[id] ?? []).map {
                    RunMetric(
                        model: try $0["model"].decode(String.self), dataset: try $0["dataset"].decode(String.self),
                        metric: try $0["metric"].decode(String.self), value: try $0["value"].decode(Double.self))
                },
                deployments: try (deployments[id] ?? []).map {
                    RunDeployment(name: try $0["name"].decode(String.self), version: Int(try $0["version"].decode(Int64.self)))
                },
                driftVerdicts: try (drift[id] ?? []).map(driftVerdict),
                exitCode: try row["exit_code"].decode(Int64?.self).map { Int32(truncatingIfNeeded: $0) },
                engineVersion: try row["engine_version"].decode(String.self),
                machine: RunMachine(
                    osName: try row["os_name"].decode(String.self), osVersion: try row["os_version"].decode(String.self),
                    cpuCount: Int(try row["cpu_count"].decode(Int64.self))),
                process: process, startedAt: Date(timeIntervalSince1970: try row["started_at"].decode(Double.self)),
                endedAt: try row["ended_at"].decode(Double?.self).map { Date(timeIntervalSince1970: $0) },
                status: RunStatus.reading(stored: try row["status"].decode(String.self), process: process))
        }
    }

    private static func step(_ row: PostgresRandomAccessRow) throws -> RunStep {
        RunStep(
            position: Int(try row["position"].decode(Int64.self)), kind: try row["kind"].decode(String.self),
            label: try row["label"].decode(String?.self), cacheKey: try row["cache_key"].decode(String?.self),
            status: RunStep.Status(rawValue: try row["status"].decode(String.self)) ?? .failed,
            seconds: try row["seconds"].decode(Double.self), peakMemoryBytes: try row["peak_memory_bytes"].decode(Int64.self),
            message: try row["message"].decode(String?.self))
    }

    private static func driftVerdict(_ row: PostgresRandomAccessRow) throws -> RunDriftVerdict {
        let features = try row["drifted_features"].decode(String.self)
        return RunDriftVerdict(
            current: try row["current"].decode(String.self), reference: try row["reference"].decode(String.self),
            drifted: try row["drifted"].decode(Int64.self) != 0, driftedShare: try row["drifted_share"].decode(Double.self),
            driftedFeatures: features.isEmpty ? [] : features.components(separatedBy: "\n"))
    }

    /// The rows of `table` for `selection`: the runs by id, their details by run and position.
    private static func query(table: String, _ selection: Selection) -> PostgresQuery {
        let orderBy = table == "run" ? "t.id" : "t.run_id, t.position"
        let key = table == "run" ? "t.id" : "t.run_id"
        switch selection {
        case .all:
            return "SELECT t.* FROM \(unescaped: table) t ORDER BY \(unescaped: orderBy)"
        case .notebook(let notebook):
            let join = table == "run" ? "" : "JOIN run r ON r.id = t.run_id"
            let column = table == "run" ? "t.notebook_path" : "r.notebook_path"
            return "SELECT t.* FROM \(unescaped: table) t \(unescaped: join) WHERE \(unescaped: column) = \(notebook) ORDER BY \(unescaped: orderBy)"
        case .id(let id):
            return "SELECT t.* FROM \(unescaped: table) t WHERE \(unescaped: key) = \(id) ORDER BY \(unescaped: orderBy)"
        }
    }
}
