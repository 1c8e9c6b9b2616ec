/// The "History" section of the HTML report: a notebook's key metrics over its runs,
/// labelled by run number (never by date, so the section holds nothing machine-dependent
/// beyond the runs themselves).
public struct ReportHistory: Sendable, Equatable, Codable {
    /// A sentence introducing the section, e.g. which metric is shown; backticks mark code.
    public var summary: String
    /// The metrics over runs, usually a `.lines` chart with the run number on the x axis.
    public var chart: Chart
    /// The same values as a table, one row per run.
    public var table: Table

    /// Creates a history section.
    public init(summary: String, chart: Chart, table: Table) {
        self.summary = summary
        self.chart = chart
        self.table = table
    }
}
