/// Where a run stands.
public enum RunStatus: String, Sendable, Equatable, CaseIterable {
    /// Started and its process is still alive.
    case running
    /// Completed: the record holds its steps, metrics and exit code.
    case finished
    /// Started, but its process is gone without completing it (killed, crashed, power cut).
    case interrupted
}

extension RunStatus {
    /// The status a stored run reads back with: the stored status, except that a `running`
    /// row whose process is gone is `interrupted` (the same rule for every store).
    static func reading(stored: String, process: RunProcess) -> RunStatus {
        let status = RunStatus(rawValue: stored) ?? .interrupted
        return status == .running && !process.isAlive ? .interrupted : status
    }
}
