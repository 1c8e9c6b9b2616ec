/// Provenance shown at the end of a report: data fingerprints, seed, engine
/// version, notebook hash. Items are shown in the given order.
public struct ReportFooter: Sendable, Equatable, Codable {
    /// The items, in order.
    public var items: [FooterItem]

    /// Creates a footer.
    public init(items: [FooterItem] = []) {
        self.items = items
    }
}
