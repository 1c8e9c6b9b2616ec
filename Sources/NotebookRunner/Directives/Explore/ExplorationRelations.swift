import MLEngine
import Reports

/// `explore` outputs about how columns relate to each other and to the target.
enum ExplorationRelations {
    static func targetRate(_ view: DatasetView, column name: String, bins: Int) throws -> ReportOutput {
        let (target, positive, labels) = try targetLabels(view, frame: view.frame, item: "target_rate")
        guard let column = view.frame.column(named: name) else {
            throw DirectiveError("there is no column `\(name)`; columns are: \(view.frame.columnNames.joined(separator: ", "))")
        }
        let rates = TargetRate.of(column, labels: labels, bins: bins, formatEdge: NumberFormat.compact)
        return .table(Table(
            title: "Share of \(InlineCode.span(target)) = \(positive) by \(InlineCode.span(name))",
            columns: [TableColumn(name), TableColumn("rows", alignment: .right), TableColumn(positive, alignment: .right),
                      TableColumn("rate", alignment: .right)],
            rows: rates.groups.map { [.text($0.label), .integer($0.count), .integer($0.positives), .percent($0.rate, decimals: 1)] }))
    }

    static func correlations(_ frame: DataFrame) -> [ReportOutput] {
        let pearson = CorrelationMatrix.pearson(frame)
        guard pearson.names.count >= 2 else { return [.text("Correlations need at least two numeric columns.")] }
        let spearman = CorrelationMatrix.spearman(frame)
        return [heatmap(pearson, title: "Pearson correlation"), heatmap(spearman, title: "Spearman rank correlation")]
    }

    static func associations(_ frame: DataFrame) -> ReportOutput {
        let matrix = CramersV.matrix(frame)
        guard matrix.names.count >= 2 else { return .text("Associations need at least two categorical columns.") }
        return heatmap(matrix, title: "Cramér's V between categorical columns")
    }

    /// Mutual information with the target, and permutation importance of a quick model
    /// (a decision tree of depth 8 trained on the training rows, scored by ROC AUC on the test rows).
    static func importance(_ view: DatasetView, generator: inout SeededGenerator) throws -> [ReportOutput] {
        let dataset = view.dataset
        let training = dataset.trainRows.map { dataset.frame.rows(at: $0) } ?? view.frame
        let scoring = dataset.testRows.map { dataset.frame.rows(at: $0) } ?? training
        let (target, positive, labels) = try targetLabels(view, frame: scoring, item: "importance")
        let features = training.columnNames.filter { $0 != target }
        let information = try MutualInformation.withTarget(training, target: target, features: features)
        let model = try TrainedModel.train(
            kind: .decisionTree, parameters: ["max_depth": .int(8), "min_samples_leaf": .int(20)],
            frame: training, features: features, target: target, positive: positive)
        let permutation = try PermutationImportance.compute(
            frame: scoring, labels: labels, features: features, repeats: 5, generator: &generator,
            predict: { try model.predictProbabilities($0) })
        let ranked = permutation.scores.sorted { $0.meanDrop > $1.meanDrop }
        let scoredOn = dataset.testRows == nil ? "the same rows" : "the test rows"
        return [
            .chart(Chart(
                title: "Mutual information with " + InlineCode.span(target),
                kind: .bars(information.map { Bar(label: $0.feature, value: $0.score) }), xLabel: "nats", yLabel: nil)),
            .chart(Chart(
                title: "Permutation importance (ROC AUC drop)",
                kind: .bars(ranked.map { Bar(label: $0.feature, value: $0.meanDrop) }), xLabel: "mean AUC drop over 5 shuffles",
                yLabel: nil)),
            .text("Mutual information uses \(MutualInformation.numericBins) equal-frequency bins for numeric columns. Permutation importance shuffles one column at a time and measures how much the ROC AUC of a quick model (a depth-8 decision tree trained on the training rows) drops on \(scoredOn); baseline AUC \(NumberFormat.fixed(permutation.baseline, decimals: 4))."),
        ]
    }

    private static func heatmap(_ matrix: CorrelationMatrix, title: String) -> ReportOutput {
        .chart(Chart(title: title, kind: .heatmap(rowLabels: matrix.names, columnLabels: matrix.names, values: matrix.values)))
    }

    private static func targetLabels(
        _ view: DatasetView, frame: DataFrame, item: String
    ) throws -> (target: String, positive: String, labels: [Double]) {
        guard let target = view.dataset.target, let positive = view.dataset.positive,
            let column = frame.column(named: target)
        else { throw DirectiveError("`\(item)` needs a dataset loaded with a `target` and `positive` class") }
        return (target, positive, try BinaryTarget.encode(column, positive: positive))
    }
}
