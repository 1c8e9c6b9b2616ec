/// One thing a directive produced, shown after its source.
///
/// Text in outputs is plain text: renderers escape it. The one markup they
/// honour is Markdown's inline code: in `.text`, single-line `.note`
/// messages and the titles of tables, metric groups and charts, a
/// backtick-delimited run is shown as code.
public enum ReportOutput: Sendable, Equatable, Codable {
    /// A table of typed cells.
    case table(Table)
    /// A chart, rendered as text in Markdown and as inline SVG in HTML.
    case chart(Chart)
    /// A group of named metric values, optionally with goals.
    case metrics(MetricGroup)
    /// Plain text, escaped on output; blank lines separate paragraphs and text
    /// between backticks is shown as code (`` rows of `census` ``).
    case text(String)
    /// An info, warning or error callout.
    case note(Note)
    /// A one-line conclusion naming and linking its subject, e.g. a sweep's best run.
    case finding(Finding)
}
