import MLEngine
import Reports

/// Report tables and charts for `evaluate`.
enum EvaluationOutputs {
    static func render(_ results: [ModelEvaluation], metrics: [String], reportTimings: Bool) -> [ReportOutput] {
        var outputs: [ReportOutput] = []
        let scalar = EvaluateDirective.scalarMetrics.filter(metrics.contains)
        if !scalar.isEmpty { outputs.append(.table(comparison(results, metrics: scalar))) }
        if metrics.contains("confusion_matrix") {
            outputs += results.map { .chart(confusion($0)) }
        }
        if metrics.contains("roc_curve") { outputs.append(.chart(rocChart(results))) }
        if metrics.contains("processing") { outputs.append(.table(processing(results, reportTimings: reportTimings))) }
        return outputs
    }

    private static func comparison(_ results: [ModelEvaluation], metrics: [String]) -> Table {
        let key = metrics.contains("roc_auc") ? "roc_auc" : metrics[0]
        let lowerIsBetter = key == "log_loss"
        let best = results.indices.max { lhs, rhs in
            let (a, b) = (results[lhs].values[key] ?? 0, results[rhs].values[key] ?? 0)
            return lowerIsBetter ? a > b : a < b
        }
        let data = Set(results.map(\.data)).sorted().joined(separator: ", ")
        return Table(
            title: "Held-out performance on \(data) (threshold 0.5; best \(key) highlighted)",
            columns: [TableColumn("model"), TableColumn("rows", alignment: .right)]
                + metrics.map { TableColumn($0, alignment: .right) },
            rows: results.map { result in
                [.text(result.model), .integer(result.rows)] + metrics.map { .number(result.values[$0] ?? .nan, decimals: 4) }
            },
            highlightedRow: results.count > 1 ? best : nil)
    }

    private static func confusion(_ result: ModelEvaluation) -> Chart {
        let matrix = result.metrics.confusion
        return Chart(
            title: "Confusion matrix: \(result.model) on \(result.data)",
            kind: .heatmap(
                rowLabels: ["actual \(result.negativeLabel)", "actual \(result.positiveLabel)"],
                columnLabels: ["predicted \(result.negativeLabel)", "predicted \(result.positiveLabel)"],
                values: [[Double(matrix.tn), Double(matrix.fp)], [Double(matrix.fn), Double(matrix.tp)]]),
            xLabel: nil, yLabel: nil)
    }

    private static func rocChart(_ results: [ModelEvaluation]) -> Chart {
        let series = results.map { result in
            Series(
                name: "\(result.model) (AUC \(NumberFormat.fixed(result.metrics.rocAUC, decimals: 3)))",
                points: result.roc.downsampled(maxPoints: 60).points.map { Point(x: $0.fpr, y: $0.tpr) })
        }
        return Chart(title: "ROC curve", kind: .lines(series), xLabel: "false positive rate", yLabel: "true positive rate")
    }

    private static func processing(_ results: [ModelEvaluation], reportTimings: Bool) -> Table {
        var columns = [TableColumn("model"), TableColumn("serialised size", alignment: .right)]
        if reportTimings { columns.append(TableColumn("batch latency per row", alignment: .right)) }
        return Table(
            title: "Processing",
            columns: columns,
            rows: results.map { result in
                var row: [TableCell] = [.text(result.model), .text(ByteCount.format(result.serializedBytes))]
                if reportTimings { row.append(.text(NumberFormat.fixed(result.secondsPerRow * 1e6, decimals: 2) + " µs")) }
                return row
            })
    }
}
