public import NotebookFormat
/// What `labbook run` / `labbook check` were asked to do.
public struct RunOptions: Sendable {
    /// The notebook path as the user typed it (reports show it as given, never made absolute).
    public var notebookPath: String
    /// Where `NAME.html` and `NAME.md` are written.
    public var outputDirectory: String
    /// `-p name=value` overrides, in command-line order.
    public var parameterOverrides: [(name: String, value: String)]
    /// Put measured timings (training time, latency) into the report. They differ from run
    /// to run, so reports stop being byte-identical; off by default.
    public var reportTimings: Bool
    /// The state folder (registry); defaults to `.labbook` beside the notebook.
    public var stateDirectory: String?
    /// Called before each directive runs, with e.g. `train tree (3/7)`; for a progress line.
    public var progress: (@Sendable (String) -> Void)?
    /// A YAML file of parameter values (`--params`); `parameterOverrides` win over it.
    public var parameterFile: String?
    /// The reports' base name (`NAME.html`); defaults to the notebook's file name without extension.
    public var reportName: String?
    /// The longest one directive may run, in seconds (`--timeout`); `nil` for no limit.
    public var directiveTimeout: Double?
    /// The longest the whole run may take, in seconds (`--run-timeout`); `nil` for no limit.
    public var runTimeout: Double?
    /// Reuse cached directive results whose key is unchanged, and store new ones (`--no-cache`
    /// sets it to `false`: everything executes and the cache is neither read nor written).
    public var useCache: Bool = true
    /// The run store: a SQLite file's path or a `postgres://USER:PASSWORD@HOST:PORT/DATABASE`
    /// URL (see `RunStoreLocation`); defaults to `labbook.sqlite` in the state folder.
    public var storePath: String?
    /// Files or folders outside the notebook's folder that its directives may read (`--allow-read`).
    public var allowedReads: [String] = []
    /// Record the run in the run store (and show its history in the HTML report).
    public var recordsRun: Bool = true
    /// Where the trials of `train` searches are scored; `nil` for this process (on every core).
    public var searchExecutor: (any SearchTrialExecutor)?

    public init(
        notebookPath: String, outputDirectory: String = "reports",
        parameterOverrides: [(name: String, value: String)] = [], reportTimings: Bool = false,
        stateDirectory: String? = nil, progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.progress = progress
        self.notebookPath = notebookPath
        self.outputDirectory = outputDirectory
        self.parameterOverrides = parameterOverrides
        self.reportTimings = reportTimings
        self.stateDirectory = stateDirectory
    }
}

/// How a run ended.
public struct RunOutcome: Sendable {
    /// One directive's fate.
    public struct Step: Sendable {
        public enum Status: String, Sendable { case ran, cached, failed, skipped }
        public var kind: String
        public var label: String?
        public var location: String
        public var status: Status
        public var seconds: Double
        public var message: String?
        /// The directive's cache key (`sha256:…`); `nil` when it has none.
        public var key: String?
        /// The process's peak resident memory after the directive, in bytes (max RSS).
        public var peakMemoryBytes: Int64 = 0
        /// A failure located in the notebook (`notebook.md:LINE:COL: error: load `census` failed: …`),
        /// with its cause as the hint; `nil` unless the directive failed.
        public var failure: Diagnostic?
    }

    /// 0 success, 1 a directive failed, 2 the notebook is invalid, 3 an `expect` failed,
    /// 5 the reports could not be written (``reportsNotWritten``; the diagnostic says why, e.g.
    /// `reports/income.html: cannot write the report: No space left on device`).
    public var exitCode: Int32
    /// Located problems found before running (exit code 2).
    public var diagnostics: [Diagnostic]
    public var steps: [Step]
    /// The written report files.
    public var reportPaths: [String]
    /// Machine-dependent measurements for the terminal (never in the report by default).
    public var timingNotes: [String]
    public var seconds: Double
    /// Every `evaluate` result, in evaluation order (empty when nothing ran).
    public var evaluations: [Evaluation] = []
    /// The data files the run read, as paths usable from the current folder, in reading order.
    public var filesRead: [String] = []

    /// The metrics one `evaluate` measured for one model.
    public struct Evaluation: Sendable, Equatable {
        public var model: String
        /// Metric name → value, e.g. `roc_auc` → 0.87.
        public var metrics: [String: Double]
    }

    /// The exit code of a run whose reports could not be written (disk full, read-only
    /// folder, a file where the output folder should be).
    public static let reportsNotWritten: Int32 = 5
}
