/// Counts of a binary classifier's outcomes at one threshold.
public struct ConfusionMatrix: Sendable, Equatable, Codable {
    /// Negatives predicted negative.
    public var tn: Int
    /// Negatives predicted positive.
    public var fp: Int
    /// Positives predicted negative.
    public var fn: Int
    /// Positives predicted positive.
    public var tp: Int

    /// Creates a confusion matrix from its four counts.
    public init(tn: Int, fp: Int, fn: Int, tp: Int) {
        self.tn = tn
        self.fp = fp
        self.fn = fn
        self.tp = tp
    }

    /// Total number of rows counted.
    public var total: Int { tn + fp + fn + tp }
}
