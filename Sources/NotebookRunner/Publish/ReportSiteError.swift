/// Why `labbook publish` could not build the site: a message naming the file at fault.
public struct ReportSiteError: Error, CustomStringConvertible, Sendable {
    /// One line, starting with the path it is about.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
