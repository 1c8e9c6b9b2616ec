import Foundation
import MLEngine
import NotebookFormat
import Reports
import RunStorage

/// Records one run in the run store: a `running` row before the directives execute, the
/// finished run after the reports are written. A store that cannot be opened or written
/// costs a warning on the terminal, never the report.
struct RunRecorder {
    private(set) var store: (any RunStoring)?
    private(set) var record: RunRecord
    /// Earlier finished runs of the same notebook (same path as reports show it), oldest first.
    private(set) var previous: [RunRecord] = []
    /// Problems with the store (`PATH: warning: …`).
    private(set) var warnings: [Diagnostic] = []

    /// `labbook.sqlite` in the state folder unless `options.storePath` names another file or a
    /// PostgreSQL URL.
    static func storePath(_ options: RunOptions, state: String) -> String {
        options.storePath ?? (state as NSString).appendingPathComponent("labbook.sqlite")
    }

    /// Opens the store and inserts the run as `running`; with `options.recordsRun` off, records nothing.
    static func begin(plan: NotebookPlan, context: RunContext, options: RunOptions, state: String) -> RunRecorder {
        let frontMatter = plan.notebook.frontMatter
        var recorder = RunRecorder(
            record: RunRecord(
                notebookPath: context.notebookPath, notebookHash: context.notebookHash,
                parameters: frontMatter.parameters.map { RunParameter(name: $0.name, value: $0.value.text) },
                seed: context.seed, keyMetric: frontMatter.metric, engineVersion: EngineInfo.version))
        guard options.recordsRun else { return recorder }
        let path = storePath(options, state: state)
        do {
            let store = try RunStoreLocation(path).open()
            recorder.previous = try store.runs(notebook: context.notebookPath).filter { $0.status == .finished }
            recorder.record.id = try store.begin(recorder.record)
            recorder.store = store
        } catch {
            recorder.warnings.append(Self.warning(Self.display(path), error))
        }
        return recorder
    }

    /// The HTML report's history section: absent when the store holds no earlier run.
    func history(_ steps: [StepResult]) -> ReportHistory? {
        guard store != nil else { return nil }
        return RunHistory.section(
            previous: previous, current: Self.metrics(steps), currentID: record.id, keyMetric: record.keyMetric)
    }

    /// Completes the run in the store.
    mutating func finish(_ execution: Execution, exitCode: Int32) {
        guard let store else { return }
        let steps = execution.steps
        record.steps = steps.enumerated().map { index, step in
            RunStep(
                position: index + 1, kind: step.cell.kind, label: step.label, cacheKey: step.key,
                status: RunStep.Status(rawValue: step.status.rawValue) ?? .failed, seconds: step.seconds,
                peakMemoryBytes: step.peakMemoryBytes, message: step.message)
        }
        record.inputs = steps.filesRead.map { RunInput(path: $0.path, fingerprint: $0.fingerprint) }
        record.metrics = Self.metrics(steps)
        record.deployments = steps.registrations.map { RunDeployment(name: $0.name, version: $0.version) }
        record.driftVerdicts = steps.driftVerdicts.map {
            RunDriftVerdict(
                current: $0.current, reference: $0.reference, drifted: $0.drifted, driftedShare: $0.driftedShare,
                driftedFeatures: $0.driftedFeatures)
        }
        record.exitCode = exitCode
        record.endedAt = Date()
        do {
            try store.finish(record)
        } catch {
            warnings.append(Self.warning(Self.display(store.location), error))
        }
    }

    private static func warning(_ shown: String, _ error: any Error) -> Diagnostic {
        Diagnostic(.warning, file: shown, location: nil, message: "the run is not recorded: \(error)")
    }

    /// A store as warnings show it: a file relative to here, a PostgreSQL URL without its password.
    private static func display(_ store: String) -> String {
        guard PostgresStoreURL.isPostgresURL(store) else { return NotebookPaths.displayPath(for: store) }
        return (try? PostgresStoreURL(store).description) ?? "the PostgreSQL run store"
    }

    /// Every evaluated metric, in evaluation order and, within one evaluation, by metric name;
    /// then every scored search trial as model `NAME trial N` on dataset `search: KIND SETTINGS`,
    /// so `labbook show` lists the trials and `labbook compare` compares them across runs.
    static func metrics(_ steps: [StepResult]) -> [RunMetric] {
        let evaluated = steps.evaluations.flatMap { evaluation in
            evaluation.metrics.keys.sorted().compactMap { name in
                evaluation.metrics[name].map {
                    RunMetric(model: evaluation.model, dataset: evaluation.dataset, metric: name, value: $0)
                }
            }
        }
        let trials = steps.searchTrials.compactMap { trial -> RunMetric? in
            guard let mean = trial.mean else { return nil }
            let settings = trial.parameters.keys.sorted().map { "\($0)=\(trial.parameters[$0] ?? "")" }.joined(separator: ", ")
            return RunMetric(
                model: "\(trial.model) trial \(trial.trial)", dataset: "search: \(trial.kind) \(settings)", metric: trial.metric, value: mean)
        }
        return evaluated + trials
    }
}
