import Foundation
import MLEngine
import Reports

/// The directive cache during one run.
///
/// A directive whose key has an entry is a hit: its report outputs and facts are decoded at
/// once; the artifacts it defined are restored only when `Execution` asks (a later directive
/// that runs needs them). The cache knows results, not directive types: it stores any
/// ``DirectiveResult`` and gives back what it stored.
final class DirectiveCache: @unchecked Sendable {
    /// A hit: what the report and the facts need now, and the names it defined.
    struct Hit {
        var outputs: [ReportOutput]
        var facts: StepFacts
        var defines: [WorkspaceName]
    }

    let store: CacheStore
    /// One key per plan step.
    let keys: [String?]
    /// Whether hits may be used and results stored (`--no-cache`: neither, the cache is
    /// left exactly as it was).
    let useCache: Bool
    /// The data files' fingerprints the keys were computed with, by path as written.
    private let fileFingerprints: [String: String]
    private let plan: NotebookPlan
    private let registry: ModelRegistry
    /// The entries of the steps that were hits, by step.
    private var hits: [Int: CacheEntry] = [:]
    /// The fingerprints computed while planning, for directives that read the same files.
    var knownFingerprints = KnownFingerprints()
    /// Steps that always execute, hit or not (the `train` whose trial a Slurm task scores).
    var bypassed: Set<Int> = []
    /// Problems worth a line on the terminal (the cache could not be written, …).
    private(set) var notes: [String] = []

    init(
        store: CacheStore, plan: NotebookPlan, registry: ModelRegistry, keys: [String?],
        fileFingerprints: [String: String] = [:], useCache: Bool
    ) {
        self.store = store
        self.fileFingerprints = fileFingerprints
        self.plan = plan
        self.registry = registry
        self.keys = keys
        self.useCache = useCache
    }

    /// The cached result of step `index`, or `nil` on a miss.
    func lookup(step index: Int) -> Hit? {
        guard useCache, !bypassed.contains(index), let key = keys[index], let entry = store.entry(key), entry.kind == plan.steps[index].cell.kind,
            let data = store.object(entry.outputs),
            let outputs = try? CacheFiles.decoder().decode([ReportOutput].self, from: data),
            entry.artifacts.allSatisfy({ $0.isCurrent(in: registry) })
        else { return nil }
        hits[index] = entry
        return Hit(outputs: outputs, facts: entry.facts, defines: entry.artifacts.map(\.name))
    }

    /// The artifact `name` that hit `step` defined, or `nil` when its objects are missing or damaged.
    func restore(_ name: WorkspaceName, step: Int) -> Artifact? {
        hits[step]?.artifacts.first { $0.name == name }?.restore(from: store)
    }

    /// Stores what step `index` produced (best effort: a failure becomes a note).
    func save(step index: Int, result: DirectiveResult, seconds: Double) {
        guard useCache, let key = keys[index] else { return }
        // A file that changed between planning and reading must not be cached under the old key.
        guard result.facts.filesRead.allSatisfy({ file in fileFingerprints[file.path].map { $0 == file.fingerprint } ?? true }) else {
            notes.append("cache: a data file changed during the run; \(plan.steps[index].cell.kind) was not cached")
            return
        }
        do {
            let entry = CacheEntry(
                formatVersion: CacheEntry.currentFormat, key: key, kind: plan.steps[index].cell.kind,
                outputs: try store.put(CacheFiles.encoder().encode(result.outputs)), seconds: seconds,
                artifacts: try result.artifacts.map { try CachedArtifact($0, in: store) }, facts: result.facts)
            try store.write(entry)
        } catch {
            if notes.isEmpty { notes.append("cache: results not saved: \(error)") }
        }
    }

    /// The keys of the steps that have an entry now (for `cache clean`), recorded as the
    /// notebook's latest run.
    func recordLatest(notebook: String) {
        guard useCache else { return }
        let used = keys.compactMap { $0 }.filter { store.entryPath($0).map(FileManager.default.fileExists) ?? false }
        try? store.recordLatest(notebook: notebook, keys: used)
    }
}
