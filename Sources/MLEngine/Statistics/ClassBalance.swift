/// Counts and shares of each class of a target column.
///
/// Classes are sorted by count descending; ties keep first appearance
/// (categorical) or ascending value (numeric). Shares are of the non-missing rows.
public struct ClassBalance: Sendable, Equatable {
    /// One class of the target.
    public struct Entry: Sendable, Equatable {
        /// The class as text (numeric classes print integral values without a decimal point).
        public var label: String
        /// Rows in this class.
        public var count: Int
        /// `count` divided by the number of non-missing rows.
        public var share: Double

        /// Creates an entry.
        public init(label: String, count: Int, share: Double) {
            self.label = label
            self.count = count
            self.share = share
        }
    }

    /// The classes, most frequent first.
    public var classes: [Entry]
    /// Rows whose target is missing.
    public var missing: Int

    /// Creates a balance from its parts.
    public init(classes: [Entry], missing: Int) {
        self.classes = classes
        self.missing = missing
    }

    /// Rows with a target.
    public var total: Int { classes.reduce(0) { $0 + $1.count } }

    /// Smallest class count divided by largest (1 = balanced), `nil` without classes.
    public var minorityToMajorityRatio: Double? {
        guard let largest = classes.first?.count, let smallest = classes.last?.count, largest > 0 else { return nil }
        return Double(smallest) / Double(largest)
    }

    /// The balance of the classes in `column`.
    public static func of(_ column: Column) -> ClassBalance {
        switch column {
        case .categorical(let categorical):
            let counts = CategoryCounts.counting(categorical)
            return make(labels: counts.labels, counts: counts.counts, missing: counts.missing)
        case .numeric(let numeric):
            var perValue = [Double: Int]()
            var missing = 0
            for value in numeric.values {
                if value.isNaN { missing += 1 } else { perValue[value == 0 ? 0 : value, default: 0] += 1 }
            }
            let order = perValue.keys.sorted { lhs, rhs in
                let (left, right) = (perValue[lhs] ?? 0, perValue[rhs] ?? 0)
                return left != right ? left > right : lhs < rhs
            }
            return make(labels: order.map(label), counts: order.map { perValue[$0] ?? 0 }, missing: missing)
        }
    }

    private static func make(labels: [String], counts: [Int], missing: Int) -> ClassBalance {
        let total = counts.reduce(0, +)
        let entries = zip(labels, counts).map { label, count in
            Entry(label: label, count: count, share: total > 0 ? Double(count) / Double(total) : 0)
        }
        return ClassBalance(classes: entries, missing: missing)
    }

    /// `1` for 1.0, `0.5` for 0.5: integral values print without a decimal point.
    static func label(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }
}
