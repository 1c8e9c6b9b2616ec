import Foundation
import MLEngine

/// What stays the same for every directive of one run: its paths, the notebook's identity and
/// seed, the registry, the read scope and the report options.
struct RunContext: Sendable {
    /// Every path of this run, computed once.
    let paths: NotebookPaths
    /// `sha256:…` of the notebook text.
    let notebookHash: String
    /// The notebook's seed.
    let seed: UInt64
    /// Where model versions are registered.
    let registry: ModelRegistry
    /// Whether measured timings go into the report (they make it machine-dependent).
    let reportTimings: Bool
    /// The folders data may be read from (checked again when a directive reads).
    let readScope: ReadScope
    /// The run's id in the run store, when it is recorded (who moved an alias; never in a report).
    var runID: Int64?
    /// The data-file fingerprints computed or memoised while the cache keys were planned.
    var knownFingerprints = KnownFingerprints()
    /// Shows a progress line (a search's trials); `nil` when stderr is not a terminal.
    var progress: (@Sendable (String) -> Void)?
    /// Where searches score their trials.
    var trialScoring = TrialScoring.here

    init(paths: NotebookPaths, notebookHash: String, seed: UInt64, reportTimings: Bool, allowedReads: [String] = []) {
        self.paths = paths
        self.notebookHash = notebookHash
        self.seed = seed
        self.reportTimings = reportTimings
        readScope = ReadScope(notebookFolder: paths.baseDirectory, allowed: allowedReads)
        registry = ModelRegistry(root: (paths.stateDirectory as NSString).appendingPathComponent("registry"))
    }

    /// The notebook's folder: data paths and `.labbook/` are relative to it.
    var baseDirectory: String { paths.baseDirectory }
    /// The notebook path as reports show it.
    var notebookPath: String { paths.displayPath }

    /// A path relative to the notebook, made usable from the current directory.
    func resolve(_ path: String) -> String {
        FileSystem.resolve(path, relativeTo: baseDirectory)
    }
}
