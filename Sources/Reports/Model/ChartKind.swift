/// What a chart draws, with its data.
public enum ChartKind: Sendable, Equatable, Codable {
    /// Horizontal bars, one per label: histograms (label = bin range) and
    /// categorical counts. Bars grow from zero; negative values draw no bar.
    /// `Chart.xLabel` names the values, `Chart.yLabel` the labels.
    case bars([Bar])
    /// Line series over numeric axes, e.g. ROC or learning curves. When every
    /// point lies in [0, 1] both axes run from 0 to 1; otherwise they span the
    /// data. Mark a series `isReference` for a dashed baseline (e.g. chance).
    case lines([Series])
    /// A grid of numbers, e.g. a confusion matrix (`values[row][column]`).
    case heatmap(rowLabels: [String], columnLabels: [String], values: [[Double]])
}
