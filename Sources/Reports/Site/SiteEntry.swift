/// One notebook's latest report on the site's index: its key metric, goal verdict, history
/// and the files it links to (paths relative to the index).
public struct SiteEntry: Sendable, Equatable {
    /// The report's title (the notebook's front-matter `title`).
    public var title: String
    /// The notebook's path as its report shows it, e.g. `notebooks/income.md`.
    public var notebookPath: String
    /// The value the notebook is judged by: the goal's metric, else its best `roc_auc` or
    /// `accuracy`; `nil` when nothing was evaluated.
    public var keyMetric: SiteKeyMetric?
    /// The goal and whether the run met it; `nil` when the notebook states no `metric`.
    public var goal: GoalStatus?
    /// The key metric over the notebook's recorded runs, oldest first: x is the run number.
    public var history: [Point]
    /// How many directives succeeded, failed and were skipped.
    public var directives: SiteDirectiveCounts
    /// The run's exit code (0 ok, 1 a directive failed, 3 an `expect` or a gate failed).
    public var exitCode: Int
    /// The files: the HTML report first; each a label and a relative link.
    public var files: [FooterItem]

    /// Creates an entry.
    public init(
        title: String, notebookPath: String, keyMetric: SiteKeyMetric?, goal: GoalStatus?, history: [Point],
        directives: SiteDirectiveCounts, exitCode: Int, files: [FooterItem]
    ) {
        self.title = title
        self.notebookPath = notebookPath
        self.keyMetric = keyMetric
        self.goal = goal
        self.history = history
        self.directives = directives
        self.exitCode = exitCode
        self.files = files
    }
}

/// A metric's best value in a run and the model that reached it.
public struct SiteKeyMetric: Sendable, Equatable {
    /// The metric, e.g. `roc_auc`.
    public var metric: String
    /// Its value.
    public var value: Double
    /// The model that reached it.
    public var model: String

    /// Creates a key metric.
    public init(metric: String, value: Double, model: String) {
        self.metric = metric
        self.value = value
        self.model = model
    }
}

/// How a run's directives ended.
public struct SiteDirectiveCounts: Sendable, Equatable {
    /// Directives that ran or came from the cache.
    public var succeeded: Int
    /// Directives that failed.
    public var failed: Int
    /// Directives skipped because something before them failed.
    public var skipped: Int

    /// Creates counts.
    public init(succeeded: Int, failed: Int, skipped: Int) {
        self.succeeded = succeeded
        self.failed = failed
        self.skipped = skipped
    }
}
