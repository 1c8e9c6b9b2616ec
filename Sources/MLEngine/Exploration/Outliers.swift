/// Outliers of one numeric column by Tukey's IQR rule: values below `Q1 − 1.5·IQR` or
/// above `Q3 + 1.5·IQR`, where `IQR = Q3 − Q1`.
///
/// Quartiles are numpy's default (`method="linear"`) over the non-missing values;
/// missing values (`nan`) are neither counted nor outliers. Fences are `nil` for a
/// column without values. Comparisons are strict: a value on a fence is not an outlier.
///
/// ```swift
/// let all = Outliers.iqr(frame)            // one per numeric column
/// all.first?.share                         // outliers per non-missing value
/// ```
public struct Outliers: Sendable, Equatable {
    /// The multiple of the IQR between a quartile and its fence (Tukey's 1.5).
    public static let multiplier = 1.5

    /// The column name.
    public var column: String
    /// Number of non-missing values.
    public var valueCount: Int
    /// First quartile (25th percentile), `nil` without values.
    public var q1: Double?
    /// Third quartile (75th percentile), `nil` without values.
    public var q3: Double?
    /// `Q1 − 1.5·IQR`, `nil` without values.
    public var lowerFence: Double?
    /// `Q3 + 1.5·IQR`, `nil` without values.
    public var upperFence: Double?
    /// Values strictly below the lower fence.
    public var below: Int
    /// Values strictly above the upper fence.
    public var above: Int

    /// Creates a result from its parts.
    public init(
        column: String, valueCount: Int, q1: Double?, q3: Double?,
        lowerFence: Double?, upperFence: Double?, below: Int, above: Int
    ) {
        self.column = column
        self.valueCount = valueCount
        self.q1 = q1
        self.q3 = q3
        self.lowerFence = lowerFence
        self.upperFence = upperFence
        self.below = below
        self.above = above
    }

    /// Number of outliers on either side.
    public var count: Int { below + above }

    /// Outliers per non-missing value (0 without values).
    public var share: Double { valueCount > 0 ? Double(count) / Double(valueCount) : 0 }

    /// The IQR outliers of `column`.
    public static func iqr(_ column: NumericColumn) -> Outliers {
        let sorted = column.values.filter { !$0.isNaN }.sorted()
        guard let q1 = Quantiles.linear(sorted, 0.25), let q3 = Quantiles.linear(sorted, 0.75) else {
            return Outliers(column: column.name, valueCount: 0, q1: nil, q3: nil,
                            lowerFence: nil, upperFence: nil, below: 0, above: 0)
        }
        let spread = q3 - q1
        let lower = q1 - multiplier * spread
        let upper = q3 + multiplier * spread
        let below = sorted.prefix { $0 < lower }.count
        let above = sorted.reversed().prefix { $0 > upper }.count
        return Outliers(column: column.name, valueCount: sorted.count, q1: q1, q3: q3,
                        lowerFence: lower, upperFence: upper, below: below, above: above)
    }

    /// The IQR outliers of every numeric column of `frame`, in column order.
    public static func iqr(_ frame: DataFrame) -> [Outliers] {
        frame.columns.compactMap { column in
            if case .numeric(let numeric) = column { return iqr(numeric) }
            return nil
        }
    }
}
