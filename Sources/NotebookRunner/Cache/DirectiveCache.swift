import Foundation
import MLEngine
import Reports

/// The directive cache during one run.
///
/// A directive whose key has an entry is a hit: only its report outputs are decoded, plus the
/// small things later directives and the report read at once (metrics, files read). The
/// datasets, models and deployments it defined are restored from the cache the first time a
/// directive that runs asks the workspace for them; if that restore fails (an object is
/// missing or damaged), the directive that defined them runs again instead.
final class DirectiveCache: @unchecked Sendable {
    let store: CacheStore
    /// One key per plan step.
    let keys: [String?]
    /// Whether hits may be used (`--no-cache` still writes entries).
    let useCache: Bool
    /// The data files' fingerprints the keys were computed with, by path as written.
    private let fileFingerprints: [String: String]
    private let plan: NotebookPlan
    private let workspace: Workspace
    /// Names defined by hits and not restored yet.
    private var pending: [WorkspaceName: (step: Int, entry: CacheEntry)] = [:]
    /// Steps that were hits but had to run after all, because a later directive needed
    /// what they define and the cached copy was unusable.
    private(set) var rerun: Set<Int> = []
    /// Problems worth a line on the terminal (the cache could not be written, …).
    private(set) var notes: [String] = []

    init(
        store: CacheStore, plan: NotebookPlan, workspace: Workspace, keys: [String?], fileFingerprints: [String: String] = [:],
        useCache: Bool
    ) {
        self.store = store
        self.fileFingerprints = fileFingerprints
        self.plan = plan
        self.workspace = workspace
        self.keys = keys
        self.useCache = useCache
        workspace.restore = { [weak self] name in self?.materialize(name) }
    }

    /// The cached outputs of step `index`, or `nil` on a miss. A hit records its metrics and
    /// files in the workspace and leaves what it defined pending.
    func lookup(step index: Int) -> [ReportOutput]? {
        guard useCache, let key = keys[index], let entry = store.entry(key), entry.kind == plan.steps[index].cell.kind,
            let data = store.object(entry.outputs),
            let outputs = try? CacheFiles.decoder().decode([ReportOutput].self, from: data),
            entry.deployments.allSatisfy(isCurrent)
        else { return nil }
        for evaluation in entry.evaluations {
            workspace.recordEvaluation(model: evaluation.model, dataset: evaluation.dataset ?? "", metrics: evaluation.metrics)
        }
        for file in entry.filesRead { workspace.recordFile(file.path, fingerprint: file.fingerprint) }
        for verdict in entry.drifts ?? [] { workspace.recordDrift(verdict) }
        for dataset in entry.datasets { pending[.dataset(dataset.name)] = (index, entry) }
        for model in entry.models { pending[.model(model.name)] = (index, entry) }
        for deployment in entry.deployments { pending[.deployment(deployment.name)] = (index, entry) }
        for deployment in entry.deployments {
            workspace.recordRegistration(
                RegisteredVersion(name: deployment.name, version: deployment.manifest.version, source: deployment.source))
        }
        return outputs
    }

    /// Stores what step `index` produced (best effort: a failure becomes a note).
    func save(step index: Int, outputs: [ReportOutput], log: StepLog, seconds: Double) {
        guard let key = keys[index] else { return }
        // A file that changed between planning and reading must not be cached under the old key.
        guard log.filesRead.allSatisfy({ file in fileFingerprints[file.path].map { $0 == file.fingerprint } ?? true }) else {
            notes.append("cache: a data file changed during the run; \(plan.steps[index].cell.kind) was not cached")
            return
        }
        do {
            let entry = try makeEntry(step: index, key: key, outputs: outputs, log: log, seconds: seconds)
            try store.write(entry)
        } catch {
            if notes.isEmpty { notes.append("cache: results not saved: \(error)") }
        }
    }

    /// The keys of the steps that have an entry now (for `cache clean`), recorded as the
    /// notebook's latest run.
    func recordLatest(notebook: String) {
        let used = keys.compactMap { $0 }.filter { store.entryPath($0).map(FileManager.default.fileExists) ?? false }
        try? store.recordLatest(notebook: notebook, keys: used)
    }

    // MARK: restoring

    private func materialize(_ name: WorkspaceName) {
        guard let (step, entry) = pending.removeValue(forKey: name) else { return }
        if restore(name, from: entry) { return }
        runAgain(step)
    }

    private func restore(_ name: WorkspaceName, from entry: CacheEntry) -> Bool {
        switch name {
        case .dataset(let wanted):
            guard let cached = entry.datasets.first(where: { $0.name == wanted }),
                let bytes = store.object(cached.frame), let frame = try? DataFrame(binary: [UInt8](bytes))
            else { return false }
            var dataset = LoadedDataset(
                name: cached.name, path: cached.path, frame: frame, fingerprint: cached.fingerprint, target: cached.target,
                positive: cached.positive, task: cached.task.flatMap(TargetEncoding.Request.init(rawValue:)))
            func rows(_ reference: String?) -> [Int]?? {
                guard let reference else { return .some(nil) }
                return store.object(reference).flatMap { RowIndices.decode($0, rowCount: frame.rowCount) }.map { .some($0) }
            }
            guard let train = rows(cached.trainRows), let test = rows(cached.testRows) else { return false }
            dataset.trainRows = train
            dataset.testRows = test
            workspace.add(dataset)
        case .model(let wanted):
            guard let cached = entry.models.first(where: { $0.name == wanted }), let model = decodeModel(cached.model) else {
                return false
            }
            workspace.models[wanted] = TrainedModelEntry(
                name: wanted, model: model, trainedOn: cached.trainedOn, features: cached.features)
        case .deployment(let wanted):
            guard let cached = entry.deployments.first(where: { $0.name == wanted }), let model = decodeModel(cached.model) else {
                return false
            }
            workspace.deployments[wanted] = Deployment(
                name: wanted, manifest: cached.manifest, model: model, source: cached.source, alias: cached.alias)
        }
        return true
    }

    private func decodeModel(_ reference: String) -> TrainedModel? {
        store.object(reference).flatMap { try? CacheFiles.decoder().decode(TrainedModel.self, from: $0) }
    }

    /// Runs a hit's directive after all; its fresh results replace the unusable entry.
    private func runAgain(_ step: Int) {
        pending = pending.filter { $0.value.step != step }
        let started = ContinuousClock.now
        do {
            let (outputs, log) = try workspace.logging { try plan.steps[step].directive.execute(in: workspace) }
            rerun.insert(step)
            save(step: step, outputs: outputs, log: log, seconds: Runner.seconds(since: started))
        } catch {
            notes.append("cache: \(plan.steps[step].cell.kind) could not run again: \(error)")
        }
    }

    /// Whether the registry still holds the version a cached `deploy` registered, as its
    /// latest version, with the same manifest, its model file, and its alias.
    private func isCurrent(_ deployment: CachedDeployment) -> Bool {
        let registry = workspace.registry
        let version = deployment.manifest.version
        guard (try? registry.versions(of: deployment.name).last) == version,
            (try? registry.manifest(name: deployment.name, version: version)) == deployment.manifest,
            FileManager.default.fileExists(atPath: "\(registry.root)/\(deployment.name)/\(version)/model.json")
        else { return false }
        guard let alias = deployment.alias else { return true }
        return (try? registry.version(ofAlias: alias, name: deployment.name)) == version
    }

    // MARK: saving

    private func makeEntry(step index: Int, key: String, outputs: [ReportOutput], log: StepLog, seconds: Double) throws -> CacheEntry {
        let step = plan.steps[index]
        let encoder = CacheFiles.encoder()
        var entry = CacheEntry(
            formatVersion: CacheEntry.currentFormat, key: key, kind: step.cell.kind,
            outputs: try store.put(encoder.encode(outputs)), seconds: seconds,
            evaluations: log.evaluations, filesRead: log.filesRead, drifts: log.drifts.isEmpty ? nil : log.drifts)
        for artifact in step.directive.defines {
            switch artifact {
            case .dataset(let name):
                guard let dataset = workspace.datasets[name] else { continue }
                entry.datasets.append(CachedDataset(
                    name: name, path: dataset.path, frame: try store.put(Data(dataset.frame.binaryEncoded())),
                    fingerprint: dataset.fingerprint, target: dataset.target, positive: dataset.positive,
                    task: dataset.task?.rawValue,
                    trainRows: try dataset.trainRows.map { try store.put(RowIndices.encode($0)) },
                    testRows: try dataset.testRows.map { try store.put(RowIndices.encode($0)) }))
            case .model(let name):
                guard let model = workspace.models[name] else { continue }
                entry.models.append(CachedModel(
                    name: name, model: try store.put(encoder.encode(model.model)), trainedOn: model.trainedOn,
                    features: model.features))
            case .deployment(let name):
                guard let deployment = workspace.deployments[name] else { continue }
                entry.deployments.append(CachedDeployment(
                    name: name, manifest: deployment.manifest, model: try store.put(encoder.encode(deployment.model)),
                    source: deployment.source, alias: deployment.alias))
            }
        }
        return entry
    }
}
