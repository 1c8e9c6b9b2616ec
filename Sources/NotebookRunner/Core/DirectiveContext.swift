import Foundation
import MLEngine

/// What a running directive may read: the run's constants, the datasets, models and deployments
/// it needs (a snapshot taken before it starts), and the metrics measured before it.
///
/// It is a value: a directive abandoned by its time limit keeps only its own copy, so nothing
/// it does later can reach the run that moved on.
struct DirectiveContext: Sendable {
    let run: RunContext
    let workspace: Workspace
    /// Every metric recorded by the directives before this one, in order.
    let evaluations: [MetricRecord]

    var notebookPath: String { run.notebookPath }
    var notebookHash: String { run.notebookHash }
    var registry: ModelRegistry { run.registry }
    var reportTimings: Bool { run.reportTimings }

    /// A generator for one directive, derived from the notebook seed and a stable label,
    /// so inserting a directive does not change the randomness of the others.
    func generator(for label: String) -> SeededGenerator {
        SeededGenerator(seed: run.seed).derived(label)
    }

    /// A path relative to the notebook, made usable from the current directory.
    func resolve(_ path: String) -> String { run.resolve(path) }

    /// `path` (as written in the notebook) resolved for reading; refused outside the read scope,
    /// so a symlink swapped in after `check` cannot leave the notebook's folder either.
    func resolveReadable(_ path: String) throws(DirectiveError) -> String {
        let resolved = resolve(path)
        guard run.readScope.permits(resolved) else {
            throw DirectiveError(ReadScope.refusal(path))
        }
        return resolved
    }

    /// The dataset called `reference` (`census`, `census.train`, `census.test`).
    func dataset(_ reference: String) throws(DirectiveError) -> DatasetView {
        try workspace.dataset(reference)
    }

    func model(_ name: String) throws(DirectiveError) -> TrainedModelEntry {
        guard let model = workspace.models[name] else { throw DirectiveError("model `\(name)` is not available") }
        return model
    }

    func loadedDataset(_ name: String) -> LoadedDataset? { workspace.datasets[name] }
    func deployment(_ name: String) -> Deployment? { workspace.deployments[name] }
}
