/// Every trial of a search, in the order proposed, and the winner.
public struct SearchResult: Sendable, Equatable {
    public var trials: [SearchTrial]
    /// The best trial on the full resource; `nil` when no trial scored.
    public var bestIndex: Int?
    /// Things the reader should know, e.g. that the budget covered only part of a grid.
    public var notes: [String]
    /// Whether a higher metric is better.
    public var maximize: Bool
    /// Whether the wall-clock cap stopped the search before its budget: then the result
    /// depends on the machine's speed and is not reproducible.
    public var stoppedByDeadline: Bool

    /// The winning trial.
    public var best: SearchTrial? { bestIndex.map { trials[$0] } }
    /// Model fits made, failed trials included.
    public var fits: Int {
        trials.reduce(0) { sum, trial in
            switch trial.outcome {
            case .success(let score): sum + score.fits
            case .failure(let failure): sum + failure.fits
            }
        }
    }

    /// The best score after each trial (trials on a partial resource are not counted).
    public var bestSoFar: [Double?] {
        var best: Double?
        return trials.map { trial in
            if trial.request.resourceShare == 1, let score = trial.score?.mean, best.map({ better(score, than: $0) }) ?? true {
                best = score
            }
            return best
        }
    }

    func better(_ a: Double, than b: Double) -> Bool { maximize ? a > b : a < b }
}
