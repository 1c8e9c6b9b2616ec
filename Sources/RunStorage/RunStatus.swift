/// Where a run stands.
public enum RunStatus: String, Sendable, Equatable, CaseIterable {
    /// Started and its process is still alive.
    case running
    /// Completed: the record holds its steps, metrics and exit code.
    case finished
    /// Started, but its process is gone without completing it (killed, crashed, power cut).
    case interrupted
}
