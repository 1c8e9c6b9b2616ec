import Foundation
import MLEngine
import NotebookFormat

/// The provenance manifest `reports/NAME.run.json`: what a run read, did and measured, for
/// scripts and CI. It holds no timestamps, timings or absolute paths, so the same inputs give
/// byte-identical files. Its format is documented in the README; `formatVersion` changes
/// whenever a field changes meaning or disappears (adding a field does not change it).
enum RunManifest {
    static let formatVersion = 1

    static func make(_ execution: Execution) -> JSONValue {
        let frontMatter = execution.plan.notebook.frontMatter
        let run = execution.run
        let steps = execution.steps
        var metrics: [String: [String: [String: JSONValue]]] = [:]
        for evaluation in steps.evaluations {
            for (name, value) in evaluation.metrics {
                metrics[evaluation.model, default: [:]][evaluation.dataset, default: [:]][name] = .number(value)
            }
        }
        let directives: [JSONValue] = steps.map { step in
            .object([
                "kind": .string(step.cell.kind),
                "label": step.label.map(JSONValue.string) ?? .null,
                "line": .integer(Int64(step.cell.location.line)),
                "key": step.key.map(JSONValue.string) ?? .null,
                "status": .string(outcome(step.status)),
            ])
        }
        let deployments = steps.registrations.reduce(into: [String: JSONValue]()) { result, registered in
            result[registered.name] = .object([
                "version": .integer(Int64(registered.version)), "model": .string(registered.source),
            ])
        }
        var manifest: [String: JSONValue] = [
            "format_version": .integer(Int64(formatVersion)),
            "notebook": .object(["path": .string(run.notebookPath), "sha256": .string(run.notebookHash)]),
            "params": .object(
                frontMatter.parameters.reduce(into: [:]) { result, parameter in result[parameter.name] = json(parameter.value) }),
            "seed": run.seed <= UInt64(Int64.max) ? .integer(Int64(run.seed)) : .string(String(run.seed)),
            "inputs": .array(
                steps.filesRead.map { .object(["path": .string($0.path), "fingerprint": .string($0.fingerprint)]) }),
            "directives": .array(directives),
            "metrics": .object(metrics.mapValues { splits in .object(splits.mapValues { .object($0) }) }),
            "deployments": .object(deployments),
            "drift": .array(
                steps.driftVerdicts.map { verdict in
                    .object(
                        [
                            "current": .string(verdict.current), "reference": .string(verdict.reference),
                            "drifted": .bool(verdict.drifted), "drifted_share": .number(verdict.driftedShare),
                            "drifted_features": .array(verdict.driftedFeatures.map(JSONValue.string)),
                            "features": .array(verdict.features.map(\.json)),
                        ].merging(verdict.dataProblems?.jsonMembers ?? [:]) { first, _ in first })
                }),
            "engine_version": .string(EngineInfo.version),
            "exit_code": .integer(Int64(execution.exitCode)),
        ]
        manifest["title"] = .string(ReportAssembly.title(execution.plan.notebook))
        if let goal = ReportAssembly.goal(frontMatter, evaluations: steps.evaluations) {
            var fields: [String: JSONValue] = [
                "metric": .string(goal.metric), "target": .string(goal.target), "met": goal.met.map(JSONValue.bool) ?? .null,
            ]
            if let best = ReportAssembly.best(of: goal.metric, goal: frontMatter.goal, evaluations: steps.evaluations) {
                fields["value"] = .number(best.value)
                fields["model"] = .string(best.model)
            }
            manifest["goal"] = .object(fields)
        }
        let trials = steps.searchTrials
        if !trials.isEmpty {
            manifest["searches"] = .object(Dictionary(grouping: trials, by: \.model).mapValues { .array($0.map(json)) })
        }
        return .object(manifest)
    }

    /// One search trial: its number, model kind, settings, score and share of the resource.
    static func json(_ trial: SearchTrialRecord) -> JSONValue {
        var fields: [String: JSONValue] = [
            "trial": .integer(Int64(trial.trial)), "model": .string(trial.kind),
            "params": .object(trial.parameters.mapValues(JSONValue.string)), "metric": .string(trial.metric),
            "mean": trial.mean.map(JSONValue.number) ?? .null, "std": trial.std.map(JSONValue.number) ?? .null,
            "resource": .number(trial.resource), "best": .bool(trial.best),
        ]
        if let error = trial.error { fields["error"] = .string(error) }
        return .object(fields)
    }

    /// `succeeded` for a directive that ran or came from the cache (the manifest is the same
    /// either way), else `failed` or `skipped`.
    static func outcome(_ status: RunOutcome.Step.Status) -> String {
        switch status {
        case .ran, .cached: "succeeded"
        case .failed: "failed"
        case .skipped: "skipped"
        }
    }

    static func json(_ value: ParamValue) -> JSONValue {
        switch value {
        case .int(let number): .integer(Int64(number))
        case .double(let number): .number(number)
        case .bool(let flag): .bool(flag)
        case .string(let text): .string(text)
        case .list(let values): .array(values.map(json))
        }
    }
}
