import Foundation
import MLEngine
import NotebookFormat
import Reports

/// `evaluate`: scores trained models on held-out data, side by side, optionally with k-fold
/// cross-validation on their training data.
///
/// ```evaluate
/// models: [logistic, tree]
/// metrics: [accuracy, f1, roc_auc, confusion_matrix, roc_curve]
/// cv: 5
/// expect: {roc_auc: ">= 0.85"}
/// ```
struct EvaluateDirective: Directive {
    static let kind = "evaluate"
    static let keys = ["models", "data", "metrics", "threshold", "expect", "cv"]
    static let scalarMetrics = MetricCatalog.scalar
    static let allMetrics = MetricCatalog.all

    var models: [String]
    var data: String?
    var metrics: [String]
    var threshold: Double
    var expectations: [(metric: String, goal: GoalExpression, text: String)]
    /// The number of cross-validation folds, or `nil` for none.
    var folds: Int?

    var label: String? { models.joined(separator: ", ") }
    var inputs: [String] { models + (data.map { [PlanContext.split($0).base] } ?? []) }
    var outputs: [String] { [] }
    var evaluatedModels: [String] { models }

    init?(spec: SpecReader, plan: PlanContext) {
        threshold = spec.double("threshold", range: 0...1) ?? 0.5
        folds = spec.int("cv", range: 2...50)
        var metrics: [String] = []
        for (metric, location) in spec.stringList("metrics") ?? Self.allMetrics.map({ ($0, spec.location) }) {
            guard Self.allMetrics.contains(metric) else {
                spec.error(
                    "unknown metric `\(metric)`; use one of \(Self.allMetrics.joined(separator: ", "))", at: location,
                    hint: NameSuggestion.hint(for: metric, among: Self.allMetrics))
                continue
            }
            metrics.append(metric)
        }
        self.metrics = metrics
        var expectations: [(String, GoalExpression, String)] = []
        for entry in spec.entries("expect") ?? [] {
            guard Self.scalarMetrics.contains(entry.key) else {
                spec.error(
                    "cannot expect `\(entry.key)`; expectations take \(Self.scalarMetrics.joined(separator: ", "))",
                    at: entry.keyLocation, hint: NameSuggestion.hint(for: entry.key, among: Self.scalarMetrics))
                continue
            }
            guard let text = entry.value.value.scalarText, let goal = GoalExpression(text) else {
                spec.error("an expectation is a comparison such as \">= 0.85\"", at: entry.value.location)
                continue
            }
            expectations.append((entry.key, goal, text))
        }
        self.expectations = expectations
        data = spec.string("data")
        if let data { plan.resolveDataset(data, at: spec.location(of: "data"), spec: spec) }
        guard let references = spec.stringList("models", required: true) else { return nil }
        if references.isEmpty {
            spec.error("`models` names no model; list the models to evaluate, e.g. `models: [tree]`", at: spec.location(of: "models"))
        }
        var resolved = true
        for (model, location) in references where !plan.resolveModel(model, at: location, spec: spec) {
            resolved = false
        }
        guard resolved, !references.isEmpty else { return nil }
        models = references.map(\.value)
    }

    func execute(in context: DirectiveContext) throws -> DirectiveResult {
        var results: [ModelEvaluation] = []
        var validations: [CrossValidation] = []
        let processing = metrics.contains("processing")
        for name in models {
            let entry = try context.model(name)
            let reference = try evaluationReference(for: entry)
            let view = try context.dataset(reference)
            results.append(try ModelEvaluation.measure(entry, on: view, threshold: threshold, measureLatency: processing))
            if let folds {
                var generator = context.generator(for: "evaluate:cv:\(name)")
                let training = try context.dataset(entry.trainedOn)
                validations.append(try CrossValidation.run(entry, on: training, folds: folds, generator: &generator))
            }
        }
        var result = DirectiveResult(outputs: [])
        for evaluation in results {
            result.facts.evaluations.append(MetricRecord(model: evaluation.model, dataset: evaluation.data, metrics: evaluation.values))
            var timing = "predict \(evaluation.model): \(NumberFormat.microseconds(evaluation.secondsPerRow))/row"
            if let latency = evaluation.latency {
                timing += ", 1-row p50 \(NumberFormat.microseconds(latency.p50)), p99 \(NumberFormat.microseconds(latency.p99))"
            }
            result.timingNotes.append(timing)
        }
        var outputs = EvaluationOutputs.render(results, metrics: metrics, reportTimings: context.reportTimings)
        if !validations.isEmpty {
            outputs.append(.table(CrossValidation.table(validations, metrics: MetricCatalog.scalar.filter(metrics.contains))))
        }
        let failures = checkExpectations(results, outputs: &outputs)
        result.outputs = outputs
        if !failures.isEmpty {
            throw ExpectationFailure(message: failures.joined(separator: "; "), result: result)
        }
        return result
    }

    private func evaluationReference(for entry: TrainedModelEntry) throws(DirectiveError) -> String {
        if let data { return data }
        let (base, part) = PlanContext.split(entry.trainedOn)
        guard part == "train" else {
            throw DirectiveError(
                "`\(entry.name)` was trained on `\(entry.trainedOn)`, which has no held-out part; name one with `data:`",
                key: "models")
        }
        return base + ".test"
    }

    private func checkExpectations(_ results: [ModelEvaluation], outputs: inout [ReportOutput]) -> [String] {
        guard !expectations.isEmpty else { return [] }
        var metrics: [Metric] = []
        var failures: [String] = []
        for result in results {
            for expectation in expectations {
                guard let value = result.values[expectation.metric] else { continue }
                let passed = expectation.goal.isMet(by: value)
                metrics.append(Metric(name: "\(result.model) \(expectation.metric)", value: value, goal: expectation.text, passed: passed))
                if !passed {
                    failures.append("\(result.model): \(expectation.metric) \(NumberFormat.fixed(value, decimals: 4)) is not \(expectation.text)")
                }
            }
        }
        outputs.append(.metrics(MetricGroup(title: "Expectations", metrics: metrics)))
        return failures
    }
}

/// An `expect` threshold that was not met (or a deploy gate, or drift with `on_drift: fail`):
/// the outputs are still shown and the facts recorded; the run exits with `exitCode`.
struct ExpectationFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    var result: DirectiveResult
    /// 3 for expectations and gates, 4 for drift.
    var exitCode: Int32 = 3
    /// The key the failure points at.
    var key = "expect"
    var prefix = "expectation not met: "
    var description: String { prefix + message }
}
