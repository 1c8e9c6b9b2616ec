/// One directive of a run.
public struct RunStep: Sendable, Equatable {
    /// How a directive ended.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case ran, cached, failed, skipped
    }

    /// 1-based position in the notebook.
    public var position: Int
    /// The directive kind, e.g. `train`.
    public var kind: String
    /// Its label, e.g. the model name.
    public var label: String?
    /// Its cache key (`sha256:…`), when it has one.
    public var cacheKey: String?
    /// How it ended.
    public var status: Status
    /// Wall time it took.
    public var seconds: Double
    /// The process's peak resident memory after it (bytes; `getrusage` max RSS).
    public var peakMemoryBytes: Int64
    /// The error or skip reason, if any.
    public var message: String?

    /// Creates a step.
    public init(
        position: Int, kind: String, label: String? = nil, cacheKey: String? = nil, status: Status, seconds: Double,
        peakMemoryBytes: Int64 = 0, message: String? = nil
    ) {
        self.position = position
        self.kind = kind
        self.label = label
        self.cacheKey = cacheKey
        self.status = status
        self.seconds = seconds
        self.peakMemoryBytes = peakMemoryBytes
        self.message = message
    }
}
