/// One run of a sweep, ready to execute: its swept values, report name and full options.
public struct SweepJob: Sendable {
    /// The swept values, e.g. `[("depth", "3")]`.
    public var assignment: [(name: String, value: String)]
    /// The reports' base name, e.g. `income--depth=3` (also `options.reportName`).
    public var reportName: String
    /// The sweep's options with the assignment added to the overrides and the report name set.
    public var options: RunOptions

    /// A job for `assignment`; `options` must already carry it and `reportName`.
    public init(assignment: [(name: String, value: String)], reportName: String, options: RunOptions) {
        self.assignment = assignment
        self.reportName = reportName
        self.options = options
    }
}
