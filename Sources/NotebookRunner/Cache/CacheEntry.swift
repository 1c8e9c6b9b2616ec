import MLEngine

/// What one successful directive produced, stored as `entries/<key>.json`.
///
/// Large values (report outputs, frames, split rows, models) are references to
/// content-addressed objects (`objects/<sha256>`); small ones (the step's facts) are inline.
struct CacheEntry: Codable, Sendable {
    /// 2: facts and artifacts are stored generically (format 1 listed them by directive kind).
    static let currentFormat = 2

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
