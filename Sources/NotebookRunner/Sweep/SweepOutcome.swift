public import NotebookFormat
/// How a sweep ended: each run's outcome and the comparison report.
public struct SweepOutcome: Sendable {
    /// One parameter set and how its run ended.
    public struct Run: Sendable {
        /// The swept values, e.g. `[("depth", "3")]`.
        public var assignment: [(name: String, value: String)]
        /// The reports' base name, e.g. `income--depth=3`.
        public var reportName: String
        public var outcome: RunOutcome
    }

    /// The worst exit code of all runs (2 when a parameter set is invalid: nothing ran).
    public var exitCode: Int32
    /// Problems found before running (invalid values), or writing the comparison report.
    public var diagnostics: [Diagnostic]
    public var runs: [Run]
    /// `NAME.sweep.html` and `NAME.sweep.md`.
    public var reportPaths: [String]
}
