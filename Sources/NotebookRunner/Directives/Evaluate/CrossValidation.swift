import Foundation
import MLEngine
import Reports

/// k-fold cross-validation of a trained model's recipe (kind, parameters, features,
/// preprocessing, target encoding) on the data it was trained on.
///
/// Classifiers use stratified folds, regression plain folds, both shuffled with a generator
/// derived from the notebook seed, as scikit-learn's `StratifiedKFold(shuffle=True)` / `KFold`.
struct CrossValidation: Sendable {
    var model: String
    var data: String
    var folds: Int
    /// Metric name → one score per fold, in fold order.
    var scores: [String: [Double]]

    /// Mean and population standard deviation (numpy's default) of a metric's fold scores.
    func summary(_ metric: String) -> (mean: Double, std: Double)? {
        guard let values = scores[metric], !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }

    static func run(
        _ entry: TrainedModelEntry, on view: DatasetView, folds: Int, generator: inout SeededGenerator
    ) throws -> CrossValidation {
        let model = entry.model
        let targets = try model.targets(in: view.frame)
        let assignment: [(train: [Int], test: [Int])]
        do {
            assignment = model.task.isClassification
                ? try StratifiedKFold.indices(labels: targets.map { UInt32($0) }, folds: folds, generator: &generator)
                : try KFold.indices(count: view.frame.rowCount, folds: folds, shuffle: true, generator: &generator)
        } catch {
            throw DirectiveError("cannot cross-validate `\(entry.name)` on `\(view.reference)`: \(error)")
        }
        var scores: [String: [Double]] = [:]
        for (index, fold) in assignment.enumerated() {
            let trained = try TrainedModel.train(
                kind: model.kind, parameters: model.parameters, frame: view.frame.rows(at: fold.train),
                features: model.features, target: model.target,
                positive: model.task == .binary ? model.positiveLabel : nil,
                task: model.task == .regression ? .regression : .classification,
                preprocessing: model.encoder.preprocessing, seed: generator.next())
            let foldEntry = TrainedModelEntry(name: entry.name, model: trained, trainedOn: entry.trainedOn, features: entry.features)
            let foldView = DatasetView(reference: "\(view.reference) fold \(index + 1)", dataset: view.dataset, frame: view.frame.rows(at: fold.test))
            let evaluation = try ModelEvaluation.measure(foldEntry, on: foldView, threshold: 0.5)
            for (metric, value) in evaluation.values { scores[metric, default: []].append(value) }
        }
        return CrossValidation(model: entry.name, data: view.reference, folds: folds, scores: scores)
    }

    /// One table: a row per model, `mean ± std` per metric.
    static func table(_ results: [CrossValidation], metrics: [String]) -> Table {
        let shown = metrics.filter { metric in results.contains { $0.scores[metric] != nil } }
        let data = Set(results.map(\.data)).sorted().joined(separator: ", ")
        return Table(
            title: "\(results.first?.folds ?? 0)-fold cross-validation on \(data) (mean ± std over folds)",
            columns: [TableColumn("model")] + shown.map { TableColumn($0, alignment: .right) },
            rows: results.map { result in
                [.text(result.model)] + shown.map { metric in
                    guard let summary = result.summary(metric) else { return .missing }
                    return .text("\(NumberFormat.fixed(summary.mean, decimals: 4)) ± \(NumberFormat.fixed(summary.std, decimals: 4))")
                }
            })
    }
}
