/// How a label column becomes a model's targets, and the task that follows from it.
///
/// - With a `positive` label: a binary task, that label against every other value (one-vs-rest).
/// - Asked for `regression`, or a numeric column with more than two distinct values: regression.
/// - Otherwise (a categorical column, a numeric column with two values, or asked for
///   `classification`): one class per distinct value, sorted (numbers numerically). Two classes
///   make a binary task whose positive class is the second (as scikit-learn's `classes_[1]`).
///
/// ```swift
/// let (encoding, targets) = try TargetEncoding.fit(column, positive: nil, task: nil)
/// encoding.task // .multiclass(classes: 3) for a column of three species
/// ```
public struct TargetEncoding: Codable, Sendable, Equatable {
    /// What a notebook may ask for explicitly.
    public enum Request: String, Sendable, CaseIterable {
        case classification, regression
    }

    /// The most classes a classification target may have.
    public static let maximumClasses = 100

    /// The task the targets define.
    public var task: LearningTask
    /// Class labels by target index (binary: negative then positive); empty for regression.
    public var classes: [String]
    /// Whether class 0 of a binary task stands for every value but the positive one.
    public var oneVersusRest: Bool

    /// The positive class of a binary task.
    public var positiveLabel: String? { task == .binary ? classes.last : nil }

    /// Creates an encoding from its parts.
    public init(task: LearningTask, classes: [String], oneVersusRest: Bool) {
        self.task = task
        self.classes = classes
        self.oneVersusRest = oneVersusRest
    }

    /// Learns the encoding from the training labels and returns the training targets.
    /// - Throws: ``ModelError`` for missing labels, an absent positive class, a single class,
    ///   too many classes, or a categorical column asked to be a regression target.
    public static func fit(_ column: Column, positive: String?, task request: Request?) throws(ModelError) -> (TargetEncoding, [Double]) {
        if let positive {
            if request == .regression {
                throw ModelError("a `positive` class makes `\(column.name)` a classification target, not a regression one")
            }
            let targets = try BinaryTarget.encode(column, positive: positive)
            let negative = BinaryTarget.negativeLabel(of: column, positive: positive)
            let positiveLabel = BinaryTarget.distinctLabels(try BinaryTarget.values(of: column))
                .first { BinaryTarget.matches($0, positive: positive, numeric: column.isNumeric) } ?? positive
            let encoding = TargetEncoding(
                task: .binary, classes: [negative ?? "not \(positiveLabel)", positiveLabel], oneVersusRest: negative == nil)
            return (encoding, targets)
        }
        if case .numeric(let numeric) = column {
            let distinct = Set(numeric.values.filter { !$0.isNaN }).count
            if request == .regression || (request == nil && distinct > 2) {
                let encoding = TargetEncoding(task: .regression, classes: [], oneVersusRest: false)
                return (encoding, try encoding.encode(column))
            }
        } else if request == .regression {
            throw ModelError("regression needs a numeric target, but `\(column.name)` holds categories; drop `task: regression` or pick a numeric column")
        }
        let labels = try BinaryTarget.values(of: column)
        try requireComplete(labels, column: column)
        var classes = BinaryTarget.distinctLabels(labels)
        if column.isNumeric { classes.sort { (Double($0) ?? 0) < (Double($1) ?? 0) } }
        if classes.count < 2 {
            throw ModelError("the target has only one class: every row of `\(column.name)` is \"\(classes.first ?? "")\"")
        }
        if classes.count > maximumClasses {
            throw ModelError(
                "`\(column.name)` has \(classes.count) distinct values, more than the \(maximumClasses) classes a classifier takes; "
                    + "for a numeric target use `task: regression`")
        }
        let encoding = TargetEncoding(
            task: classes.count == 2 ? .binary : .multiclass(classes: classes.count), classes: classes, oneVersusRest: false)
        return (encoding, try encoding.encode(column))
    }

    /// The targets of `column` (e.g. evaluation data) under this encoding.
    /// - Throws: ``ModelError`` for missing labels or, for a multi-class encoding, a label not
    ///   seen in training.
    public func encode(_ column: Column) throws(ModelError) -> [Double] {
        switch task {
        case .regression:
            guard case .numeric(let numeric) = column else {
                throw ModelError("the target `\(column.name)` holds categories, but the model predicts numbers")
            }
            if numeric.values.contains(where: \.isInfinite) {
                throw ModelError("the target `\(column.name)` contains infinite values")
            }
            try Self.requireComplete(numeric.values.map { $0.isNaN ? nil : "" }, column: column)
            return numeric.values
        case .binary where oneVersusRest:
            guard let positive = positiveLabel else { return [] }
            let labels = try BinaryTarget.values(of: column)
            try Self.requireComplete(labels, column: column)
            return labels.map { label in
                label.map { BinaryTarget.matches($0, positive: positive, numeric: column.isNumeric) ? 1 : 0 } ?? 0
            }
        case .binary, .multiclass:
            let labels = try BinaryTarget.values(of: column)
            try Self.requireComplete(labels, column: column)
            var index: [String: Double] = [:]
            for (position, label) in classes.enumerated() { index[label] = Double(position) }
            var targets = [Double](repeating: 0, count: labels.count)
            for (row, label) in labels.enumerated() {
                guard let label, let value = index[label] else {
                    throw ModelError(
                        "`\(column.name)` holds \"\(label ?? "")\", a class the model never saw in training; known classes: "
                            + BinaryTarget.quotedListing(classes))
                }
                targets[row] = value
            }
            return targets
        }
    }

    private static func requireComplete(_ labels: [String?], column: Column) throws(ModelError) {
        let missing = labels.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        if missing > 0 {
            let rows = missing == 1 ? "1 row has" : "\(missing) rows have"
            throw ModelError("\(rows) no value in the target `\(column.name)`; drop or fill them before training")
        }
    }
}
