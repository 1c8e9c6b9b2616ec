import Foundation

/// The values one hyperparameter may take in a search.
///
/// Every domain maps to the unit interval, where the samplers work: a linear range maps
/// affinely, a log range through its logarithm, and an integer range `low...high` covers
/// `low - 0.5 ... high + 0.5` so each integer owns an equal share (a log share for a log
/// range), as Optuna's `IntDistribution` with `step = 1`.
///
/// ```swift
/// let rate = SearchDomain.real(low: 0.01, high: 0.3, log: true)
/// rate.value(atUnit: 0.5)  // .double(0.0548), the geometric middle
/// ```
public enum SearchDomain: Sendable, Equatable {
    /// Whole numbers from `low` to `high` inclusive; with `log`, `low >= 1`.
    case integer(low: Int, high: Int, log: Bool)
    /// Real numbers from `low` to `high`; with `log`, `low > 0`.
    case real(low: Double, high: Double, log: Bool)
    /// One of these values, in this order.
    case choice([ParameterValue])

    /// Checks the bounds: `low <= high`, positive bounds for a log range, at least one choice.
    /// - Throws: ``ModelError`` naming what is wrong.
    public func validate() throws(ModelError) {
        switch self {
        case .integer(let low, let high, let log):
            guard low <= high else { throw ModelError("the range's low \(low) is above its high \(high)") }
            if log, low < 1 { throw ModelError("a log range of integers needs low >= 1; got \(low)") }
        case .real(let low, let high, let log):
            guard low.isFinite, high.isFinite, low <= high else {
                throw ModelError("the range needs finite bounds with low <= high; got \(low) and \(high)")
            }
            if log, low <= 0 { throw ModelError("a log range needs low > 0; got \(low)") }
        case .choice(let values):
            guard !values.isEmpty else { throw ModelError("a list of choices needs at least one value") }
        }
    }

    /// Whether the domain holds a single value (nothing to search).
    public var isFixed: Bool {
        switch self {
        case .integer(let low, let high, _): low == high
        case .real(let low, let high, _): low == high
        case .choice(let values): values.count == 1
        }
    }

    /// The number of choices of a categorical domain; `nil` for numeric ones.
    public var choiceCount: Int? {
        if case .choice(let values) = self { return values.count }
        return nil
    }

    /// The value at unit position `u` (clamped to 0...1); integers round to the nearest.
    public func value(atUnit u: Double) -> ParameterValue {
        let unit = u.isNaN ? 0.5 : min(max(u, 0), 1)
        switch self {
        case .integer(let low, let high, let log):
            let (from, to) = Self.transformedBounds(Double(low) - 0.5, Double(high) + 0.5, log: log)
            let raw = Self.untransform(from + unit * (to - from), log: log)
            return .int(min(max(Int(raw.rounded()), low), high))
        case .real(let low, let high, let log):
            if unit == 0 { return .double(low) }
            if unit == 1 { return .double(high) }
            let (from, to) = Self.transformedBounds(low, high, log: log)
            return .double(min(max(Self.untransform(from + unit * (to - from), log: log), low), high))
        case .choice(let values):
            return values[min(Int(unit * Double(values.count)), values.count - 1)]
        }
    }

    /// The unit position of `value` (the middle of an integer's or a choice's share); `nil`
    /// when the value is outside the domain.
    public func unit(of value: ParameterValue) -> Double? {
        switch self {
        case .integer(let low, let high, let log):
            guard let number = value.intValue, number >= low, number <= high else { return nil }
            return Self.unit(Double(number), Double(low) - 0.5, Double(high) + 0.5, log: log)
        case .real(let low, let high, let log):
            guard let number = value.doubleValue, number >= low, number <= high else { return nil }
            return low == high ? 0.5 : Self.unit(number, low, high, log: log)
        case .choice(let values):
            guard let index = values.firstIndex(of: value) else { return nil }
            return (Double(index) + 0.5) / Double(values.count)
        }
    }

    /// `points` values spread evenly over the domain (on the log scale for a log range),
    /// duplicates removed; every choice of a categorical domain; every integer when there are
    /// no more than `points`.
    public func gridValues(points: Int) -> [ParameterValue] {
        let count = max(points, 1)
        switch self {
        case .integer(let low, let high, let log):
            if high - low + 1 <= count { return (low...high).map { .int($0) } }
            let (from, to) = Self.transformedBounds(Double(low), Double(high), log: log)
            var values: [ParameterValue] = []
            for index in 0..<count {
                let share = count == 1 ? 0.5 : Double(index) / Double(count - 1)
                let value = ParameterValue.int(min(max(Int(Self.untransform(from + share * (to - from), log: log).rounded()), low), high))
                if !values.contains(value) { values.append(value) }
            }
            return values
        case .real(let low, let high, let log):
            if low == high { return [.double(low)] }
            let (from, to) = Self.transformedBounds(low, high, log: log)
            return (0..<count).map { index in
                let share = count == 1 ? 0.5 : Double(index) / Double(count - 1)
                let value = index == 0 ? low : index == count - 1 ? high : Self.untransform(from + share * (to - from), log: log)
                return .double(value)
            }
        case .choice(let values):
            return values
        }
    }

    private static func transformedBounds(_ low: Double, _ high: Double, log: Bool) -> (Double, Double) {
        log ? (Foundation.log(low), Foundation.log(high)) : (low, high)
    }

    private static func untransform(_ value: Double, log: Bool) -> Double {
        log ? exp(value) : value
    }

    private static func unit(_ value: Double, _ low: Double, _ high: Double, log: Bool) -> Double {
        let (from, to) = transformedBounds(low, high, log: log)
        let position = log ? Foundation.log(value) : value
        return to == from ? 0.5 : min(max((position - from) / (to - from), 0), 1)
    }
}
