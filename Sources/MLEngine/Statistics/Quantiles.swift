/// Order statistics on sorted values, matching numpy's defaults.
enum Quantiles {
    /// The `q`-quantile of ascending `sorted` values with linear interpolation
    /// (numpy's default `method="linear"`, including its interpolation formula).
    /// `nil` for no values.
    static func linear(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let last = Double(sorted.count - 1)
        let virtualIndex = last * min(max(q, 0), 1)  // numpy's (n - 1)·q, exact for data points
        let lower = min(max(virtualIndex.rounded(.down), 0), last)
        let upper = min(lower + 1, last)
        return lerp(sorted[Int(lower)], sorted[Int(upper)], virtualIndex - lower)
    }

    /// numpy's `_lerp`: `a + (b - a) t`, computed from `b` when `t >= 0.5`.
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}

/// A running sum with Neumaier compensation (accurate for long columns).
struct CompensatedSum {
    private(set) var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    var value: Double { sum + compensation }
}
