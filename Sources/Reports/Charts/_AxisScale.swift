import Foundation

/// A numeric axis: its domain and tick values.
///
/// When every value lies in [0, 1] the axis is 0–1 with ticks every 0.2 (ROC
/// and other rate charts); otherwise it spans the data, widened to "nice"
/// steps of 1, 2 or 5 × 10ⁿ (never below 1 when every value is a whole number).
struct _AxisScale: Equatable {
    var lower: Double
    var upper: Double
    var ticks: [Double]

    static let unit = _AxisScale(lower: 0, upper: 1, ticks: (0...5).map { Double($0) / 5 })

    init(lower: Double, upper: Double, ticks: [Double]) {
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
    }

    /// The scale for `values` (non-finite values are ignored); with `spanningData`, values in
    /// [0, 1] get an axis that spans them rather than the unit axis.
    init(covering values: [Double], targetTickCount: Int = 6, spanningData: Bool = false) {
        let finite = values.filter(\.isFinite)
        guard let minimum = finite.min(), let maximum = finite.max(), spanningData || minimum < 0 || maximum > 1 else {
            self = .unit
            return
        }
        var low = minimum
        var high = maximum
        if high - low == 0 {
            let pad = low.magnitude > 0 ? low.magnitude / 2 : 1
            low -= pad
            high += pad
        }
        var step = Self.niceStep(for: (high - low) / Double(max(1, targetTickCount - 1)))
        // Whole-number data (run numbers, counts) gets whole-number ticks.
        if finite.allSatisfy({ $0 == $0.rounded() }) { step = max(step, 1) }
        let firstIndex = (low / step).rounded(.down)
        let lastIndex = max(firstIndex + 1, (high / step).rounded(.up))
        self.init(
            lower: firstIndex * step,
            upper: lastIndex * step,
            ticks: (0...Int(lastIndex - firstIndex)).map { (firstIndex + Double($0)) * step })
    }

    /// Where `value` falls on the axis, from 0 (lower) to 1 (upper).
    func fraction(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0
    }

    private static func niceStep(for raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, log10(raw).rounded(.down))
        let scaled = raw / power
        let nice: Double = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10
        return nice * power
    }
}
