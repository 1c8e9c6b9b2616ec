/// One directive of the notebook as it appears in the report: its source,
/// where it came from, how it ended and what it produced.
public struct DirectiveSection: Sendable, Equatable, Codable {
    /// The directive's kind, e.g. `load` or `train`.
    public var kind: String
    /// The name the directive defines or acts on (a dataset or model), if any.
    public var name: String?
    /// The directive's fenced block, verbatim, including its fences.
    public var source: String
    /// Where the directive is in the notebook, e.g. `notebooks/income.md:42`.
    public var location: String
    /// Whether the directive succeeded, failed or was skipped.
    public var status: DirectiveStatus
    /// What the directive produced, in order.
    public var outputs: [ReportOutput]

    /// Creates a directive section.
    public init(
        kind: String,
        name: String? = nil,
        source: String,
        location: String,
        status: DirectiveStatus = .succeeded,
        outputs: [ReportOutput] = []
    ) {
        self.kind = kind
        self.name = name
        self.source = source
        self.location = location
        self.status = status
        self.outputs = outputs
    }
}
