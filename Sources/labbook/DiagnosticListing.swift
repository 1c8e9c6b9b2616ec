import NotebookFormat

/// The diagnostics a command prints: at most `limit` errors (every warning among them),
/// then one line saying how many more there are.
enum DiagnosticListing {
    static let limit = 50

    static func lines(
        _ diagnostics: [Diagnostic], limit: Int = limit, severityLabel: (Diagnostic.Severity) -> String = \.rawValue
    ) -> [String] {
        var lines: [String] = []
        var errors = 0
        for (index, diagnostic) in diagnostics.enumerated() {
            if diagnostic.severity == .error {
                if errors == limit {
                    let rest = diagnostics[index...].filter { $0.severity == .error }.count
                    lines.append("and \(rest) more error\(rest == 1 ? "" : "s")")
                    break
                }
                errors += 1
            }
            lines.append(diagnostic.rendered(severityLabel: severityLabel))
        }
        return lines
    }
}
