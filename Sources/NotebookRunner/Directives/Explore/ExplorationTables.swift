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
                number(summary.mean), number(summary.std), number(summary.min), number(summary.q25), number(summary.median),
                number(summary.q75), number(summary.max),
                summary.type == .categorical ? .text("\(summary.distinct) distinct: \(top)") : .text(""),
            ]
        }
        return Table(
            title: "Summary (\(NumberFormat.integer(frame.rowCount)) rows)",
            columns: [
                TableColumn("column"), TableColumn("type"), TableColumn("count", alignment: .right),
                TableColumn("missing", alignment: .right), TableColumn("mean", alignment: .right),
                TableColumn("std", alignment: .right), TableColumn("min", alignment: .right),
                TableColumn("25%", alignment: .right), TableColumn("median", alignment: .right),
                TableColumn("75%", alignment: .right), TableColumn("max", alignment: .right), TableColumn("top categories"),
            ],
            rows: rows)
    }

    static func missing(_ frame: DataFrame) -> [ReportOutput] {
        let map = MissingMap.of(frame)
        let affected = map.columns.filter { $0.count > 0 }
        guard !affected.isEmpty else { return [.text("No missing values in any of the \(frame.columns.count) columns.")] }
        return [
            .chart(Chart(
                title: "Missing values per column", kind: .bars(affected.map { Bar(label: $0.column, value: Double($0.count)) }),
                xLabel: "missing rows", yLabel: nil)),
            .text("\(NumberFormat.integer(map.rowsWithMissing)) of \(NumberFormat.integer(map.rowCount)) rows (\(NumberFormat.percent(map.rowShare, decimals: 1))) miss at least one value."),
        ]
    }

    static func warnings(_ frame: DataFrame) -> [ReportOutput] {
        let warnings = ColumnWarnings.check(frame)
        guard !warnings.isEmpty else { return [.text("No column warnings: no constant, mostly-missing, identifier-like or high-cardinality columns.")] }
        return warnings.map { .note(Note(level: .warning, InlineCode.span($0.column) + ": \($0.message)")) }
    }

    static func outliers(_ frame: DataFrame) -> ReportOutput {
        let rows: [[TableCell]] = Outliers.iqr(frame).map { outliers in
            func fence(_ value: Double?) -> TableCell { value.map { .number($0, decimals: 2) } ?? .missing }
            return [.text(outliers.column), fence(outliers.lowerFence), fence(outliers.upperFence), .integer(outliers.below),
                    .integer(outliers.above), .percent(outliers.share, decimals: 1)]
        }
        return .table(Table(
            title: "Outliers by the IQR rule (beyond 1.5 × IQR from the quartiles)",
            columns: [TableColumn("column"), TableColumn("lower fence", alignment: .right), TableColumn("upper fence", alignment: .right),
                      TableColumn("below", alignment: .right), TableColumn("above", alignment: .right), TableColumn("share", alignment: .right)],
            rows: rows))
    }

    static func targetBalance(_ view: DatasetView) throws(DirectiveError) -> Chart {
        guard let target = view.dataset.target, let column = view.frame.column(named: target) else {
            throw DirectiveError("`target` needs a dataset loaded with a `target` column")
        }
        return distribution(column, title: "Target \(InlineCode.span(target)) in `\(view.reference)`", bins: 10)
    }

    static func distribution(_ frame: DataFrame, column name: String, bins: Int) throws(DirectiveError) -> Chart {
        guard let column = frame.column(named: name) else {
            throw DirectiveError(
                "there is no column `\(name)`; columns are: \(frame.columnNames.joined(separator: ", "))")
        }
        return distribution(column, title: "Distribution of " + InlineCode.span(name), bins: bins)
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
}
