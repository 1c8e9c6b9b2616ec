/// Descriptive statistics of one column, in the spirit of pandas' `describe()`.
///
/// Numeric columns fill ``mean``, ``std`` (sample standard deviation, `ddof = 1`
/// like pandas), ``min``, ``q25``, ``median``, ``q75``, ``max`` (quantiles with
/// numpy's default linear interpolation); these are `nil` for categorical columns
/// and when there are no values (``std`` also needs two). Categorical columns fill
/// ``topCategories``.
public struct ColumnSummary: Sendable, Equatable {
    /// A category and how many rows hold it.
    public struct TopCategory: Sendable, Equatable {
        /// The category text.
        public var value: String
        /// Its number of rows.
        public var count: Int

        /// Creates an entry.
        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// The column name.
    public var name: String
    /// The column type.
    public var type: ColumnType
    /// Number of non-missing values.
    public var count: Int
    /// Number of missing values.
    public var missing: Int
    /// Mean of the non-missing values (numeric only).
    public var mean: Double?
    /// Sample standard deviation, `ddof = 1` (numeric only, needs two values).
    public var std: Double?
    /// Smallest value (numeric only).
    public var min: Double?
    /// 25th percentile, linear interpolation (numeric only).
    public var q25: Double?
    /// Median (numeric only).
    public var median: Double?
    /// 75th percentile, linear interpolation (numeric only).
    public var q75: Double?
    /// Largest value (numeric only).
    public var max: Double?
    /// Number of distinct non-missing values.
    public var distinct: Int
    /// Up to five most frequent categories, by count descending, ties in order of
    /// first appearance (categorical only).
    public var topCategories: [TopCategory]

    /// Summarizes `column`. Numeric sums use compensated two-pass arithmetic.
    public static func summarize(_ column: Column) -> ColumnSummary {
        switch column {
        case .numeric(let numeric): summarizeNumeric(numeric)
        case .categorical(let categorical): summarizeCategorical(categorical)
        }
    }

    private static func summarizeNumeric(_ column: NumericColumn) -> ColumnSummary {
        let sorted = column.values.filter { !$0.isNaN }.sorted()
        let count = sorted.count
        var summary = ColumnSummary(
            name: column.name, type: .numeric, count: count, missing: column.values.count - count,
            distinct: 0, topCategories: [])
        guard count > 0 else { return summary }
        var sum = CompensatedSum()
        for value in sorted { sum.add(value) }
        let mean = sum.value / Double(count)
        summary.mean = mean
        if count > 1 {
            var squares = CompensatedSum()
            var deviations = CompensatedSum()
            for value in sorted {
                let deviation = value - mean
                squares.add(deviation * deviation)
                deviations.add(deviation)
            }
            let correction = deviations.value * deviations.value / Double(count)
            summary.std = (Swift.max(squares.value - correction, 0) / Double(count - 1)).squareRoot()
        }
        summary.min = sorted.first
        summary.max = sorted.last
        summary.q25 = Quantiles.linear(sorted, 0.25)
        summary.median = Quantiles.linear(sorted, 0.5)
        summary.q75 = Quantiles.linear(sorted, 0.75)
        var distinct = 1
        for index in 1..<count where sorted[index] != sorted[index - 1] { distinct += 1 }
        summary.distinct = distinct
        return summary
    }

    private static func summarizeCategorical(_ column: CategoricalColumn) -> ColumnSummary {
        let counts = CategoryCounts.counting(column)
        let top = zip(counts.labels, counts.counts).prefix(5).map { TopCategory(value: $0, count: $1) }
        return ColumnSummary(
            name: column.name, type: .categorical, count: column.codes.count - counts.missing,
            missing: counts.missing, distinct: counts.labels.count, topCategories: top)
    }

    /// Creates a summary from its parts (the numeric statistics default to `nil`).
    public init(
        name: String, type: ColumnType, count: Int, missing: Int,
        mean: Double? = nil, std: Double? = nil, min: Double? = nil, q25: Double? = nil,
        median: Double? = nil, q75: Double? = nil, max: Double? = nil,
        distinct: Int, topCategories: [TopCategory]
    ) {
        self.name = name
        self.type = type
        self.count = count
        self.missing = missing
        self.mean = mean
        self.std = std
        self.min = min
        self.q25 = q25
        self.median = median
        self.q75 = q75
        self.max = max
        self.distinct = distinct
        self.topCategories = topCategories
    }
}

extension DataFrame {
    /// One ``ColumnSummary`` per column, in column order.
    public func summary() -> [ColumnSummary] {
        columns.map(ColumnSummary.summarize)
    }
}
