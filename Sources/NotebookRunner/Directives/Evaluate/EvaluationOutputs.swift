import MLEngine
import Reports

/// Report tables and charts for `evaluate`.
enum EvaluationOutputs {
    static func render(_ results: [ModelEvaluation], metrics: [String], reportTimings: Bool) -> [ReportOutput] {
        var outputs: [ReportOutput] = []
        for family in LearningTask.Family.allCases {
            let group = results.filter { $0.task.family == family }
            guard let first = group.first else { continue }
            let scalar = MetricCatalog.scalar(for: first.task).filter(metrics.contains)
            if !scalar.isEmpty { outputs.append(.table(comparison(group, metrics: scalar))) }
        }
        if metrics.contains("confusion_matrix") {
            outputs += results.compactMap { result in confusion(result).map { .chart($0) } }
        }
        if metrics.contains("per_class") {
            outputs += results.compactMap { result in perClass(result).map { .table($0) } }
        }
        let binary = results.filter { $0.binary != nil }
        if metrics.contains("roc_curve"), !binary.isEmpty { outputs.append(.chart(rocChart(binary))) }
        if metrics.contains("calibration"), !binary.isEmpty { outputs.append(.chart(calibrationChart(binary))) }
        if metrics.contains("processing") { outputs.append(.table(processing(results, reportTimings: reportTimings))) }
        return outputs
    }

    private static func comparison(_ results: [ModelEvaluation], metrics: [String]) -> Table {
        let key = MetricCatalog.headline(among: metrics, task: results[0].task) ?? metrics[0]
        let best = results.indices.reduce(nil as Int?) { best, index in
            guard let best else { return index }
            let (candidate, current) = (results[index].values[key] ?? .nan, results[best].values[key] ?? .nan)
            return MetricCatalog.isBetter(candidate, than: current, metric: key) ? index : best
        }
        let data = Set(results.map(\.data)).sorted().joined(separator: ", ")
        let threshold = results[0].task == .binary ? "threshold 0.5; " : ""
        let what = results[0].task == .regression ? "Held-out regression errors" : "Held-out performance"
        return Table(
            title: "\(what) on \(data) (\(threshold)best \(key) highlighted)",
            columns: [TableColumn("model"), TableColumn("rows", alignment: .right)]
                + metrics.map { TableColumn($0, alignment: .right) },
            rows: results.map { result in
                [.text(result.model), .integer(result.rows)] + metrics.map { .number(result.values[$0] ?? .nan, decimals: 4) }
            },
            highlightedRow: results.count > 1 ? best : nil)
    }

    private static func confusion(_ result: ModelEvaluation) -> Chart? {
        let counts: [[Int]]
        if let binary = result.binary {
            let matrix = binary.metrics.confusion
            counts = [[matrix.tn, matrix.fp], [matrix.fn, matrix.tp]]
        } else if let multiclass = result.multiclass {
            counts = multiclass.confusion
        } else {
            return nil
        }
        return Chart(
            title: "Confusion matrix: \(result.model) on \(result.data)",
            kind: .heatmap(
                rowLabels: result.classes.map { "actual \($0)" }, columnLabels: result.classes.map { "predicted \($0)" },
                values: counts.map { $0.map(Double.init) }),
            xLabel: nil, yLabel: nil)
    }

    private static func perClass(_ result: ModelEvaluation) -> Table? {
        guard let metrics = result.multiclass else { return nil }
        return Table(
            title: "Per-class scores: \(result.model) on \(result.data)",
            columns: [
                TableColumn("class"), TableColumn("precision", alignment: .right), TableColumn("recall", alignment: .right),
                TableColumn("f1", alignment: .right), TableColumn("support", alignment: .right),
            ],
            rows: zip(result.classes, metrics.perClass).map { label, score in
                [.text(label), .number(score.precision, decimals: 4), .number(score.recall, decimals: 4),
                 .number(score.f1, decimals: 4), .integer(score.support)]
            })
    }

    private static func rocChart(_ results: [ModelEvaluation]) -> Chart {
        let series = results.compactMap { result -> Series? in
            guard let binary = result.binary else { return nil }
            return Series(
                name: "\(result.model) (AUC \(NumberFormat.fixed(binary.metrics.rocAUC, decimals: 3)))",
                points: binary.roc.downsampled(maxPoints: 60).points.map { Point(x: $0.fpr, y: $0.tpr) })
        }
        return Chart(title: "ROC curve", kind: .lines(series), xLabel: "false positive rate", yLabel: "true positive rate")
    }

    private static func calibrationChart(_ results: [ModelEvaluation]) -> Chart {
        var series = [Series(name: "perfectly calibrated", points: [Point(x: 0, y: 0), Point(x: 1, y: 1)])]
        for result in results {
            guard let calibration = result.binary?.calibration else { continue }
            series.append(Series(
                name: "\(result.model) (ECE \(NumberFormat.fixed(calibration.expectedCalibrationError, decimals: 3)))",
                points: calibration.bins.map { Point(x: $0.meanPredicted, y: $0.observed) }))
        }
        return Chart(
            title: "Calibration (10 equal-width bins)", kind: .lines(series),
            xLabel: "mean predicted probability", yLabel: "observed positive share")
    }

    private static func processing(_ results: [ModelEvaluation], reportTimings: Bool) -> Table {
        var columns = [TableColumn("model"), TableColumn("serialised size", alignment: .right)]
        if reportTimings {
            columns += [
                TableColumn("batch latency per row", alignment: .right), TableColumn("throughput", alignment: .right),
                TableColumn("1-row p50", alignment: .right), TableColumn("1-row p99", alignment: .right),
            ]
        }
        return Table(
            title: "Processing",
            columns: columns,
            rows: results.map { result in
                var row: [TableCell] = [.text(result.model), .text(NumberFormat.bytes(result.serializedBytes))]
                if reportTimings {
                    let throughput = result.secondsPerRow > 0 ? 1 / result.secondsPerRow : .nan
                    row += [
                        .text(NumberFormat.microseconds(result.secondsPerRow)), .text(NumberFormat.compact(throughput) + " rows/s"),
                        .text(result.latency.map { NumberFormat.microseconds($0.p50) } ?? "–"),
                        .text(result.latency.map { NumberFormat.microseconds($0.p99) } ?? "–"),
                    ]
                }
                return row
            })
    }
}
