import Foundation
import NotebookRunner
import NotebookFormat

/// Writing to stderr, with colour only on a terminal and never with NO_COLOR.
enum Terminal {
    static let useColour: Bool = isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static let isTerminal = isatty(STDERR_FILENO) == 1

    /// A one-line progress indicator, only when stderr is a terminal.
    static var progressLine: (@Sendable (String) -> Void)? {
        guard isTerminal else { return nil }
        return { text in
            FileHandle.standardError.write(Data("\r\u{1B}[K▸ running \(text)…".utf8))
        }
    }

    static func clearProgress() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func paint(_ text: String, _ code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for line in DiagnosticListing.lines(diagnostics, severityLabel: severityLabel) { error(line) }
    }

    /// `error` / `warning`, coloured on a terminal.
    static func severityLabel(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        }
    }

    static func printOutcome(_ outcome: RunOutcome, notebook: String) {
        printDiagnostics(outcome.diagnostics)
        for step in outcome.steps {
            let status: String
            switch step.status {
            case .ran: status = paint("ran    ", "32")
            case .cached: status = paint("cached ", "36")
            case .failed: status = paint("failed ", "1;31")
            case .skipped: status = paint("skipped", "33")
            }
            let label = step.label.map { " \($0)" } ?? ""
            let time = String(format: "%7.1f ms", step.seconds * 1000)
            error("  \(status) \(time)  \(step.kind)\(label)  (\(step.location))")
            if let failure = step.failure {
                for line in failure.rendered(severityLabel: severityLabel).split(separator: "\n") { error("          \(line)") }
            } else if let message = step.message {
                error("          \(message)")
            }
        }
        for note in outcome.timingNotes { error("  \(paint("timing", "2"))  \(note)") }
        let ran = outcome.steps.filter { $0.status == .ran }.count
        let cached = outcome.steps.filter { $0.status == .cached }.count
        let failed = outcome.steps.filter { $0.status == .failed }.count
        let skipped = outcome.steps.filter { $0.status == .skipped }.count
        let destination = outcome.reportPaths.isEmpty ? "no report written" : "reports: " + outcome.reportPaths.joined(separator: ", ")
        error("\(notebook): \(ran) ran, \(cached) cached, \(failed) failed, \(skipped) skipped in \(String(format: "%.2f", outcome.seconds)) s; \(destination)")
    }
}
