/// A chart: one model, rendered as text (`TextChart`) or inline SVG (`SVGChart`).
///
/// The labels name the axes as drawn: for horizontal `.bars`, `xLabel` names
/// the values along the horizontal axis (e.g. `rows`) and `yLabel` the bar
/// labels (e.g. `age`); for `.lines` the horizontal and vertical axes; for
/// `.heatmap`, `xLabel` the columns and `yLabel` the rows (e.g. `predicted`
/// and `actual`).
public struct Chart: Sendable, Equatable, Codable {
    /// The chart's title; backticks mark code (dropped in text and SVG titles).
    public var title: String
    /// What is drawn, with its data.
    public var kind: ChartKind
    /// The label of the x axis (see the type's notes), if any.
    public var xLabel: String?
    /// The label of the y axis (see the type's notes), if any.
    public var yLabel: String?
    /// `true`: a line chart's y axis spans the data even when every value lies in [0, 1]
    /// (scores that differ in the third decimal); otherwise such values get a 0–1 axis.
    public var yAxisSpansData: Bool?

    /// Creates a chart.
    public init(title: String, kind: ChartKind, xLabel: String? = nil, yLabel: String? = nil, yAxisSpansData: Bool? = nil) {
        self.title = title
        self.kind = kind
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yAxisSpansData = yAxisSpansData
    }
}
