/// A complete, renderer-independent account of one notebook run.
///
/// A report is a header (title, question, goal), an ordered list of blocks
/// (prose and directive sections) and a footer of provenance facts. It holds
/// no dates or random identifiers, so rendering the same report twice yields
/// byte-identical output.
///
/// ```swift
/// let report = Report(title: "Who earns more than 50K?", blocks: [.prose(intro)])
/// let markdown = MarkdownRenderer.render(report)
/// ```
public struct Report: Sendable, Equatable, Codable {
    /// The notebook's title, shown as the top-level heading.
    public var title: String
    /// The question the notebook sets out to answer, if stated.
    public var question: String?
    /// The success criterion and whether the run met it.
    public var goal: GoalStatus?
    /// Prose and directive sections, in document order.
    public var blocks: [ReportBlock]
    /// Provenance shown after the body: fingerprints, seed, versions.
    public var footer: ReportFooter
    /// Key metrics over earlier runs of the notebook (HTML only); `nil` on a first run.
    public var history: ReportHistory?

    /// Creates a report.
    public init(
        title: String,
        question: String? = nil,
        goal: GoalStatus? = nil,
        blocks: [ReportBlock] = [],
        footer: ReportFooter = ReportFooter(),
        history: ReportHistory? = nil
    ) {
        self.title = title
        self.question = question
        self.goal = goal
        self.blocks = blocks
        self.footer = footer
        self.history = history
    }
}
