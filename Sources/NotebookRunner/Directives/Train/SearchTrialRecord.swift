/// One trial of a `train` search as run.json and the run store keep it.
struct SearchTrialRecord: Codable, Sendable, Equatable {
    /// The `train` name (the model the search defines).
    var model: String
    /// The trial's number, from 1.
    var trial: Int
    /// The model kind tried.
    var kind: String
    /// The trial's settings, `name=value`, sorted by name.
    var parameters: [String: String]
    var metric: String
    /// The metric's mean over the folds; `nil` when the trial failed.
    var mean: Double?
    var std: Double?
    /// The share of the full resource (rows or iterations) the trial had.
    var resource: Double
    /// Why the trial failed, if it did.
    var error: String?
    /// Whether this trial won.
    var best: Bool
}
