/// Turns a label column into the 0/1 targets of a binary classifier.
///
/// Rows equal to the positive label become 1, every other value 0 (one-vs-rest).
/// Numeric labels are compared by their formatted value, so `positive: "1"` matches `1.0`.
public enum BinaryTarget {
    /// Encodes `column` as 1 for `positive` and 0 otherwise.
    /// - Throws: ``ModelError`` when a value is missing, the positive label never occurs,
    ///   or only one class is present.
    public static func encode(_ column: Column, positive: String) throws(ModelError) -> [Double] {
        let labels = try values(of: column)
        let missing = labels.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        if missing > 0 {
            let rows = missing == 1 ? "1 row has" : "\(missing) rows have"
            throw ModelError("\(rows) no value in the target `\(column.name)`; drop or fill them before training")
        }
        let distinct = distinctLabels(labels)
        guard let positiveLabel = distinct.first(where: { matches($0, positive: positive, numeric: column.isNumeric) }) else {
            throw ModelError(
                "positive class \"\(positive)\" does not occur in column `\(column.name)`; values are: \(quotedListing(distinct))"
            )
        }
        if distinct.count < 2 {
            throw ModelError("the target has only one class: every row of `\(column.name)` is \"\(positiveLabel)\"")
        }
        return labels.map { $0 == positiveLabel ? 1 : 0 }
    }

    /// Why `positive` cannot be `column`'s positive class (it never occurs), or `nil` when it occurs.
    public static func absence(of positive: String, in column: Column) -> String? {
        guard let labels = try? values(of: column) else { return nil }
        let distinct = distinctLabels(labels)
        guard !distinct.contains(where: { matches($0, positive: positive, numeric: column.isNumeric) }) else { return nil }
        return "positive class \"\(positive)\" does not occur in column `\(column.name)`; values are: \(quotedListing(distinct))"
    }

    /// The label of the negative class when exactly one other value occurs, else `nil`.
    public static func negativeLabel(of column: Column, positive: String) -> String? {
        guard let labels = try? values(of: column) else { return nil }
        let others = distinctLabels(labels).filter { !matches($0, positive: positive, numeric: column.isNumeric) }
        return others.count == 1 ? others.first : nil
    }

    /// The textual form of a numeric label: integral values without a fraction (`1`, not `1.0`).
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }

    static func values(of column: Column) throws(ModelError) -> [String?] {
        switch column {
        case .numeric(let numeric):
            if numeric.values.contains(where: \.isInfinite) {
                throw ModelError("the target `\(column.name)` contains infinite values")
            }
            return numeric.values.map { $0.isNaN ? nil : format($0) }
        case .categorical(let categorical):
            return categorical.codes.map { code in
                code == CategoricalColumn.missingCode || Int(code) >= categorical.categories.count
                    ? nil : categorical.categories[Int(code)]
            }
        }
    }

    static func distinctLabels(_ labels: [String?]) -> [String] {
        var seen = Set<String>()
        var ordered: [String] = []
        for case let label? in labels where seen.insert(label).inserted {
            ordered.append(label)
        }
        return ordered.sorted()
    }

    static func matches(_ label: String, positive: String, numeric: Bool) -> Bool {
        if label == positive { return true }
        guard numeric, let number = Double(positive.trimmingWhitespace()), let value = Double(label) else { return false }
        return number == value
    }

    static func quotedListing(_ labels: [String], limit: Int = 10) -> String {
        let shown = labels.prefix(limit).map { "\"\($0)\"" }.joined(separator: ", ")
        return labels.count > limit ? shown + ", … (\(labels.count) in all)" : shown
    }
}

private extension String {
    func trimmingWhitespace() -> Substring {
        let trimmedStart = drop(while: \.isWhitespace)
        var end = trimmedStart.endIndex
        while end > trimmedStart.startIndex, trimmedStart[trimmedStart.index(before: end)].isWhitespace {
            end = trimmedStart.index(before: end)
        }
        return trimmedStart[..<end]
    }
}
