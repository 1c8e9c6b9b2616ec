import NotebookFormat
import Reports

/// One plan step's fate in a run. `Execution` keeps one per step, in document order; the
/// report, the manifest, the run store and the terminal summary all read this list.
struct StepResult: Sendable {
    /// The step's position in the plan.
    var index: Int
    var cell: DirectiveCell
    var label: String?
    var status: RunOutcome.Step.Status
    /// What the report shows at the directive's place (a failed `expect` still shows its tables).
    var outputs: [ReportOutput] = []
    var facts = StepFacts()
    /// Machine-dependent measurements for the terminal (never in the report unless asked).
    var timingNotes: [String] = []
    /// The directive's cache key (`sha256:…`); `nil` without a cache.
    var key: String?
    var seconds: Double = 0
    /// The process's peak resident memory after the directive, in bytes.
    var peakMemoryBytes: Int64 = 0
    /// Why it failed or was skipped, as the report shows it.
    var message: String?
    /// A failure, located in the notebook, with its cause.
    var failure: Diagnostic?

    /// The report's section for this step.
    func section(notebookPath: String) -> DirectiveSection {
        let status: DirectiveStatus =
            switch self.status {
            case .ran, .cached: .succeeded
            case .failed: .failed(message ?? "failed")
            case .skipped: .skipped(message ?? "skipped")
            }
        return DirectiveSection(
            kind: cell.kind, name: label, source: cell.source, location: "\(notebookPath):\(cell.location.line)",
            status: status, outputs: outputs)
    }

    /// The public summary of this step.
    func summary(notebookPath: String) -> RunOutcome.Step {
        var step = RunOutcome.Step(
            kind: cell.kind, label: label, location: "\(notebookPath):\(cell.location.line)", status: status,
            seconds: seconds, message: message, peakMemoryBytes: peakMemoryBytes)
        step.key = key
        step.failure = failure
        return step
    }
}

extension [StepResult] {
    /// Every metric recorded, in order.
    var evaluations: [MetricRecord] { flatMap(\.facts.evaluations) }

    /// Every data file read, first reading first, each path once.
    var filesRead: [FileRead] {
        var seen: Set<String> = []
        return flatMap(\.facts.filesRead).filter { seen.insert($0.path).inserted }
    }

    /// Every drift verdict, in document order.
    var driftVerdicts: [DriftVerdict] { flatMap(\.facts.drifts) }

    /// Every search trial, in document order.
    var searchTrials: [SearchTrialRecord] { flatMap(\.facts.searchTrials) }

    /// The latest registration of each registry name, by name.
    var registrations: [RegisteredVersion] {
        var latest: [String: RegisteredVersion] = [:]
        for registration in flatMap(\.facts.registrations) { latest[registration.name] = registration }
        return latest.values.sorted { $0.name < $1.name }
    }

    var timingNotes: [String] { flatMap(\.timingNotes) }
}
