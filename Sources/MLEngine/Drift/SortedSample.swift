/// One side of a numeric drift comparison: its values in ascending order without the
/// missing ones, and how many were missing.
public struct SortedSample: Sendable, Equatable {
    /// The non-missing values, ascending.
    public var values: [Double]
    /// How many values were missing (`nan`).
    public var missing: Int

    /// Sorts `raw`, setting its `nan` values aside (a radix sort: linear in the count).
    public init(_ raw: [Double]) {
        var kept = [Double]()
        kept.reserveCapacity(raw.count)
        for value in raw where !value.isNaN { kept.append(value) }
        missing = raw.count - kept.count
        values = RadixSort.sorted(kept)
    }

    /// All rows, missing ones included.
    public var count: Int { values.count + missing }

    /// The population standard deviation of the values (numpy's `std`, `ddof=0`); `nan`
    /// without values.
    public var standardDeviation: Double {
        guard !values.isEmpty else { return .nan }
        var sum = CompensatedSum()
        for value in values { sum.add(value) }
        let mean = sum.value / Double(values.count)
        var squares = CompensatedSum()
        for value in values { squares.add((value - mean) * (value - mean)) }
        return (squares.value / Double(values.count)).squareRoot()
    }

    /// The number of distinct values of this sample and `other` together, counted up to
    /// `limit + 1` (the walk stops there).
    public func distinctCount(with other: SortedSample, limit: Int) -> Int {
        var count = 0
        var i = 0
        var j = 0
        let first = values
        let second = other.values
        while (i < first.count || j < second.count) && count <= limit {
            let value: Double
            if j >= second.count || (i < first.count && first[i] <= second[j]) { value = first[i] } else { value = second[j] }
            while i < first.count && first[i] == value { i += 1 }
            while j < second.count && second[j] == value { j += 1 }
            count += 1
        }
        return count
    }
}
