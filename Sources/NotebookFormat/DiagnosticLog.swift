/// Collects diagnostics for one notebook, filling in the file name and source line.
///
/// A reference type so that nested spec readers can share one log.
public final class DiagnosticLog: @unchecked Sendable {
    /// The notebook's path as the user named it.
    public let file: String
    private let lines: [Substring]
    /// Everything reported so far, in report order.
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String, source: String) {
        self.file = file
        self.lines = source.sourceLines
    }

    /// Whether any error (not warning) was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reports a problem at `location`.
    public func report(
        _ message: String, at location: SourceLocation, hint: String? = nil,
        severity: Diagnostic.Severity = .error, origin: String? = nil
    ) {
        diagnostics.append(
            Diagnostic(
                severity, file: file, location: location, message: message,
                sourceLine: sourceLine(location.line), hint: hint, origin: origin))
    }

    /// Adds a diagnostic made elsewhere, e.g. one located in a `--params` file.
    public func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The text of a 1-based line, without a trailing carriage return.
    public func sourceLine(_ line: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        var text = String(lines[line - 1])
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
