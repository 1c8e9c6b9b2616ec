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
        /// Why the run has no outcome of its own, e.g. its Slurm task ended without a result
        /// twice; shown in the report's list of runs that did not succeed. `nil` for a run that ran.
        public var failure: String?

        public init(assignment: [(name: String, value: String)], reportName: String, outcome: RunOutcome, failure: String? = nil) {
            self.assignment = assignment
            self.reportName = reportName
            self.outcome = outcome
            self.failure = failure
        }
    }

    /// The exit code when the executor could not run the sweep at all (no `sbatch`, or Slurm
    /// rejected the job array): nothing ran, no report was written.
    public static let executorFailed: Int32 = 6

    /// The worst exit code of all runs (2 when a parameter set is invalid: nothing ran).
    public var exitCode: Int32
    /// Problems found before running (invalid values), or writing the comparison report.
    public var diagnostics: [Diagnostic]
    public var runs: [Run]
    /// `NAME.sweep.html` and `NAME.sweep.md`.
    public var reportPaths: [String]
}
