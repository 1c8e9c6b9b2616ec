import MLEngine
import Reports

/// Turns the engine's statistics into report tables and charts for `explore`.
enum ExplorationTables {
    static func summary(_ frame: DataFrame) -> Table {
        let rows: [[TableCell]] = frame.summary().map { summary in
            func number(_ value: Double?) -> TableCell { value.map { .number($0, decimals: 2) } ?? .missing }
            let missingShare = summary.count + summary.missing == 0 ? 0 : Double(summary.missing) / Double(summary.count + summary.missing)
            let top = summary.topCategories.prefix(3).map { category in
                "\(category.value) (\(NumberFormat.percent(Double(category.count) / Double(max(summary.count, 1)), decimals: 1)))"
            }.joined(separator: ", ")
            return [
                .text(summary.name), .text(summary.type.rawValue), .integer(summary.count), .percent(missingShare, decimals: 1),
                number(summary.mean), number(summary.std), number(summary.min), number(summary.median), number(summary.max),
                summary.type == .categorical ? .text("\(summary.distinct) distinct: \(top)") : .text(""),
            ]
        }
        return Table(
            title: "Summary (\(NumberFormat.integer(frame.rowCount)) rows)",
            columns: [
                TableColumn("column"), TableColumn("type"), TableColumn("count", alignment: .right),
                TableColumn("missing", alignment: .right), TableColumn("mean", alignment: .right),
                TableColumn("std", alignment: .right), TableColumn("min", alignment: .right),
                TableColumn("median", alignment: .right), TableColumn("max", alignment: .right), TableColumn("top categories"),
            ],
            rows: rows)
    }

    static func missing(_ frame: DataFrame) -> ReportOutput {
        let counts = frame.columns.map { column -> (String, Int) in
            switch column {
            case .numeric(let numeric): (numeric.name, numeric.missingCount)
            case .categorical(let categorical): (categorical.name, categorical.missingCount)
            }
        }.filter { $0.1 > 0 }
        guard !counts.isEmpty else { return .text("No missing values in any of the \(frame.columns.count) columns.") }
        return .chart(
            Chart(
                title: "Missing values per column", kind: .bars(counts.map { Bar(label: $0.0, value: Double($0.1)) }),
                xLabel: "missing rows", yLabel: nil))
    }

    static func targetBalance(_ view: DatasetView) throws(DirectiveError) -> Chart {
        guard let target = view.dataset.target, let column = view.frame.column(named: target) else {
            throw DirectiveError("`target` needs a dataset loaded with a `target` column")
        }
        return distribution(column, title: "Target `\(target)` in `\(view.reference)`", bins: 10)
    }

    static func distribution(_ frame: DataFrame, column name: String, bins: Int) throws(DirectiveError) -> Chart {
        guard let column = frame.column(named: name) else {
            throw DirectiveError(
                "there is no column `\(name)`; columns are: \(frame.columnNames.joined(separator: ", "))")
        }
        return distribution(column, title: "Distribution of `\(name)`", bins: bins)
    }

    private static func distribution(_ column: Column, title: String, bins: Int) -> Chart {
        switch column {
        case .numeric(let numeric):
            let histogram = Histogram.equalWidth(numeric.values, bins: bins)
            let bars = histogram.counts.indices.map { index in
                let closing = index == histogram.counts.count - 1 ? "]" : ")"
                let label = "[\(NumberFormat.compact(histogram.edges[index])), \(NumberFormat.compact(histogram.edges[index + 1]))\(closing)"
                return Bar(label: label, value: Double(histogram.counts[index]))
            }
            return Chart(title: title, kind: .bars(bars), xLabel: "rows", yLabel: numeric.name)
        case .categorical(let categorical):
            let counts = CategoryCounts.counting(categorical)
            let bars = zip(counts.labels, counts.counts).map { Bar(label: $0, value: Double($1)) }
            return Chart(title: title, kind: .bars(bars), xLabel: "rows", yLabel: categorical.name)
        }
    }

    /// Impurity importances of a quick depth-limited tree on the dataset (its train part when split).
    static func importance(_ view: DatasetView) throws -> [ReportOutput] {
        guard let target = view.dataset.target, let positive = view.dataset.positive else {
            throw DirectiveError("`importance` needs a dataset loaded with a `target` and `positive` class")
        }
        let frame = view.dataset.trainRows.map { view.dataset.frame.rows(at: $0) } ?? view.frame
        let features = frame.columnNames.filter { $0 != target }
        let model = try TrainedModel.train(
            kind: .decisionTree, parameters: ["max_depth": .int(6), "min_samples_leaf": .int(20)],
            frame: frame, features: features, target: target, positive: positive)
        let bars = model.featureImportances().sorted { $0.importance > $1.importance }.map { Bar(label: $0.feature, value: $0.importance) }
        return [
            .chart(Chart(title: "Feature importance (quick model)", kind: .bars(bars), xLabel: "importance", yLabel: nil)),
            .text("Impurity decrease in a depth-6 decision tree trained on the training rows, summed per original feature."),
        ]
    }
}
