import MLEngine

/// What one successful directive produced, stored as `entries/<key>.json`.
///
/// Large values (report outputs, frames, split rows, models) are references to
/// content-addressed objects (`objects/<sha256>`); small ones (the step's facts) are inline.
struct CacheEntry: Codable, Sendable {
    /// 3: models are stored in the binary model format (format 2 stored their JSON; format 1
    /// listed facts and artifacts by directive kind). Entries of other formats are misses.
    static let currentFormat = 3

    var formatVersion: Int
    /// The directive's cache key (`sha256:…`).
    var key: String
    var kind: String
    /// Object holding the JSON of the directive's `[ReportOutput]`.
    var outputs: String
    /// How long the directive took when it ran.
    var seconds: Double
    /// The datasets, models and deployments it defined.
    var artifacts: [CachedArtifact] = []
    /// Metrics, files read, drift verdicts and registrations, in order.
    var facts = StepFacts()

    /// Every object this entry refers to.
    var objects: [String] { [outputs] + artifacts.flatMap(\.objects) }
}
