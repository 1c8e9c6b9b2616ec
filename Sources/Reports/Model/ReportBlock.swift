/// One block of a report's body, in document order.
public enum ReportBlock: Sendable, Equatable, Codable {
    /// The author's prose, between directives.
    case prose(Prose)
    /// A directive: its source, status and outputs.
    case directive(DirectiveSection)
}
