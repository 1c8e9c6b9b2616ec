import MLEngine
import NotebookFormat
import Reports

/// `monitor`: compares current data with the training data, feature by feature (one
/// test per feature, Evidently's choice by default, configurable; PSI beside it), and
/// gives a verdict.
///
/// ```monitor
/// model: income-classifier
/// current: data/census-2024.csv     # or a folder of batch files, or `log: logs` (last: 10000)
/// tests: {age: ks}
/// ```
struct MonitorDirective: Directive {
    static let kind = "monitor"
    static let keys = ["model", "reference", "current", "log", "last", "features", "on_drift", "holdout", "margin"] + MonitorPolicy.keys

    var model: String?
    var reference: String?
    /// The current data: a CSV file, a folder of them, or the prediction log.
    var source: CurrentSource
    /// The files the source holds at plan time (for the cache key and `watch`).
    let dataFiles: [String]
    var features: [String]?
    var policy: DriftPolicy
    /// `weighting: importance`: the dataset verdict weighs each feature by the model's importance of it.
    var weighsByImportance = false
    /// `on_drift: fail`: a drifted dataset fails the run with exit code 4.
    var failOnDrift = false
    /// `on_drift: retrain`: a drifted dataset retrains the deployment, which may move its alias.
    var retrain: MonitorRetrain?

    var label: String? { source.path }
    var inputs: [String] { [model, reference.map { PlanContext.split($0).base }].compactMap { $0 } }
    var outputs: [String] { [] }
    /// The key the current data is given under (`current` or `log`), where its errors point.
    private var sourceKey: String { if case .log = source { "log" } else { "current" } }

    init?(spec: SpecReader, plan: PlanContext) {
        let (policy, mentioned) = MonitorPolicy.read(spec)
        self.policy = policy
        weighsByImportance = MonitorPolicy.weighsByImportance(spec)
        let onDrift = spec.choice("on_drift", among: ["report", "fail", "retrain"])
        failOnDrift = onDrift == "fail"
        if onDrift == "retrain" {
            retrain = MonitorRetrain(
                holdout: spec.double("holdout", range: 0.05...0.95) ?? 0.3, margin: spec.double("margin", range: -1...1) ?? 0)
        } else {
            for key in ["holdout", "margin"] where spec.has(key) {
                spec.error("`\(key)` applies only with `on_drift: retrain`", at: spec.location(of: key))
            }
        }
        let featureList = spec.stringList("features")
        features = featureList?.map(\.value)
        model = spec.string("model")
        reference = spec.string("reference")
        var valid = true
        if let model {
            let entity = plan.resolveModelOrDeployment(model, at: spec.location(of: "model"), spec: spec)
            if entity == nil { valid = false }
            if retrain != nil, entity == .model {
                spec.error("`on_drift: retrain` needs `model` to name a deployment (what a `deploy` defines)", at: spec.location(of: "model"))
                valid = false
            }
        } else if retrain != nil {
            spec.error("`on_drift: retrain` needs a `model` that names a deployment", at: spec.location(of: "on_drift"))
            valid = false
        }
        if let reference, plan.resolveDataset(reference, at: spec.location(of: "reference"), spec: spec) == nil { valid = false }
        if weighsByImportance, model == nil {
            spec.error("`weighting: importance` needs a `model` whose feature importances weigh the features", at: spec.location(of: "weighting"))
            valid = false
        }
        if model == nil, reference == nil {
            spec.error("`monitor` needs a `model` (its training data is the reference) or a `reference` dataset", at: spec.location)
            valid = false
        }
        guard let found = MonitorSource.read(spec, plan: plan, columns: (featureList ?? []) + mentioned), valid
        else { return nil }
        if let reference { plan.checkColumns((featureList ?? []) + mentioned, in: reference, spec: spec) }
        source = found.source
        dataFiles = found.files
    }

    func execute(in context: DirectiveContext) throws -> DirectiveResult {
        let trained = try model.map { try resolveModel($0, context: context) }
        guard let referenceName = reference ?? trained?.trainedOn else {
            throw DirectiveError("no reference data to compare with")
        }
        let referenceView = try context.dataset(referenceName)
        let target = trained?.model.target ?? referenceView.dataset.target
        let features = self.features ?? trained?.features ?? referenceView.frame.columnNames.filter { $0 != target }
        // Read the current data as the reference was read, each compared feature as the type it had there.
        let options = referenceView.dataset.options.pinningTypes(of: features, as: referenceView.frame)
        let loaded: CurrentData
        do {
            _ = try context.resolveReadable(source.path)
            // A served deployment's log holds its predictions under its registry name.
            loaded = try CurrentDataReader.read(
                source, resolve: context.resolve, reference: referenceView.frame, features: features, options: options,
                model: model.flatMap { context.deployment($0)?.manifest.name })
        } catch let error as DirectiveError {
            throw DirectiveError(error.message, key: sourceKey, cause: error.cause)
        } catch {
            throw DirectiveError("cannot read `\(source.path)`", key: sourceKey, cause: String(describing: error))
        }
        var result = DirectiveResult(outputs: [])
        for file in loaded.files { result.facts.recordFile(file.path, fingerprint: file.fingerprint) }
        let current = source.path
        var policy = self.policy
        if weighsByImportance, let trained {
            let importances = trained.model.featureImportances()
            guard !importances.isEmpty else {
                throw DirectiveError(
                    "`weighting: importance`: a \(trained.model.kind.rawValue) model has no feature importances; use `weighting: features`",
                    key: "weighting")
            }
            policy.featureWeights = Dictionary(importances.map { ($0.feature, $0.importance) }, uniquingKeysWith: +)
        }
        let report: DriftReport
        do {
            report = try DriftReport.compare(
                reference: referenceView.frame, current: loaded.frame, features: features, policy: policy)
        } catch {
            let aboutTest = error.message.hasPrefix("test `")
            throw DirectiveError(error.message, key: aboutTest ? (policy.tests.isEmpty ? "test" : "tests") : nil)
        }
        result.facts.drifts.append(
            DriftVerdict(
                current: current, reference: referenceName, drifted: report.datasetDrifted,
                driftedShare: report.driftedShare, driftedFeatures: report.features.filter(\.drifted).map(\.feature),
                features: report.features.map(DriftStatisticsRecord.init), dataProblems: DataProblemsRecord(loaded)))
        var outputs = MonitorOutputs.render(
            report, reference: referenceName, current: current, rows: loaded.frame.rowCount, policy: policy,
            dataNotes: MonitorOutputs.dataNotes(loaded, source: source))
        if let trained, let target, loaded.frame.column(named: target) != nil {
            let view = DatasetView(reference: current, dataset: referenceView.dataset, frame: loaded.frame)
            let evaluation = try ModelEvaluation.measure(trained, on: view, threshold: 0.5)
            outputs += EvaluationOutputs.render([evaluation], metrics: EvaluateDirective.scalarMetrics, reportTimings: false)
        }
        if let retrain, report.datasetDrifted, let model {
            let decision = try retrain.run(
                deploymentName: model, reference: referenceView, current: loaded.frame,
                currentFingerprint: loaded.fingerprint, context: context)
            outputs += decision.outputs
            if let registration = decision.registration { result.facts.registrations.append(registration) }
        }
        result.outputs = outputs
        if failOnDrift, report.datasetDrifted {
            let names = report.features.filter(\.drifted).map { "`\($0.feature)`" }.joined(separator: ", ")
            throw ExpectationFailure(
                message: "`\(source.path)` drifted from `\(referenceName)` (\(names))", result: result, exitCode: 4,
                key: "on_drift", prefix: "data drift: ")
        }
        return result
    }

    private func resolveModel(_ name: String, context: DirectiveContext) throws -> TrainedModelEntry {
        if let deployment = context.deployment(name) {
            let source = try context.model(deployment.source)
            return TrainedModelEntry(name: name, model: deployment.model, trainedOn: source.trainedOn, features: source.features)
        }
        return try context.model(name)
    }
}
