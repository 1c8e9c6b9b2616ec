import MLEngine
import Reports

/// `on_drift: retrain`: when the dataset drifted, train the deployed model's recipe again on
/// the reference plus part of the current rows, score the challenger and the champion on the
/// rest of the current rows, and move the deployment's alias only when the challenger wins.
struct MonitorRetrain: Sendable {
    /// The share of current rows held out to compare the two models.
    var holdout: Double
    /// How much better the challenger must be.
    var margin: Double

    /// The comparison, its decision and the version now serving.
    struct Decision {
        var outputs: [ReportOutput]
        var registration: RegisteredVersion?
    }

    func run(
        deploymentName: String, reference: DatasetView, current: DataFrame, currentFingerprint: String,
        context: DirectiveContext
    ) throws -> Decision {
        guard let deployment = context.deployment(deploymentName) else {
            throw DirectiveError("`on_drift: retrain` needs `model` to name a deployment", key: "on_drift")
        }
        guard let alias = deployment.alias else {
            throw DirectiveError("`on_drift: retrain` needs the deployment `\(deploymentName)` to hold an alias (its `deploy` gates passed)", key: "on_drift")
        }
        let champion = deployment.model
        guard current.column(named: champion.target) != nil else {
            throw DirectiveError("`on_drift: retrain` needs the current data to have the target column `\(champion.target)`", key: "current")
        }
        // A seeded split of the current rows: the same rows on every run.
        var generator = SeededGenerator(seed: context.run.seed).derived("monitor-retrain")
        var order = Array(0..<current.rowCount)
        order.shuffle(using: &generator)
        let heldOut = max(1, Int((Double(order.count) * holdout).rounded()))
        guard order.count - heldOut >= 1 else {
            throw DirectiveError("too few current rows (\(order.count)) to retrain and to compare", key: "current")
        }
        let testRows = Array(order.prefix(heldOut)).sorted()
        let trainRows = Array(order.dropFirst(heldOut)).sorted()
        guard let aligned = current.selecting(columns: reference.frame.columnNames) else {
            throw DirectiveError("the current data lacks columns of `\(reference.reference)` needed to retrain", key: "current")
        }
        let combined: DataFrame
        let challenger: TrainedModel
        do {
            combined = try reference.frame.appending(aligned.rows(at: trainRows))
            challenger = try TrainedModel.train(
                kind: champion.kind, parameters: champion.parameters, frame: combined, features: champion.features,
                target: champion.target, positive: champion.positiveLabel, task: champion.task == .regression ? .regression : .classification,
                preprocessing: champion.encoder.preprocessing, seed: context.run.seed)
        } catch let error as DataError {
            throw DirectiveError("cannot retrain on the reference plus current rows", key: "on_drift", cause: error.message)
        } catch let error as ModelError {
            throw DirectiveError("cannot retrain `\(deploymentName)`", key: "on_drift", cause: error.description)
        }
        let test = DatasetView(reference: "current (held out)", dataset: reference.dataset, frame: current.rows(at: testRows))
        let metric = Self.metric(for: champion.task)
        let championScore = try ModelEvaluation.measure(
            TrainedModelEntry(name: "champion", model: champion, trainedOn: reference.reference, features: champion.features),
            on: test, threshold: 0.5).values[metric] ?? .nan
        let challengerEntry = TrainedModelEntry(
            name: "challenger", model: challenger, trainedOn: reference.reference, features: champion.features)
        let challengerEvaluation = try ModelEvaluation.measure(challengerEntry, on: test, threshold: 0.5)
        let challengerScore = challengerEvaluation.values[metric] ?? .nan
        let wins = challengerScore.isFinite && championScore.isFinite && challengerScore >= championScore + margin

        var registration: RegisteredVersion?
        var serving = "version \(deployment.manifest.version) (unchanged)"
        if wins {
            let draft = ModelManifestDraft(
                name: deploymentName,
                createdBy: ["notebook": context.notebookPath, "notebook_sha256": context.notebookHash, "retrained_by": "monitor"],
                dataFingerprint: currentFingerprint, metrics: challengerEvaluation.values,
                inputs: FeatureProfile.profiles(of: combined, schema: challenger.encoder.schema))
            let (manifest, _) = try DeployDirective.registerUnlessUnchanged(
                challenger, draft: draft, reference: ReferenceData(frame: combined, options: reference.dataset.options),
                in: context.registry)
            var by = ["notebook": context.notebookPath, "retrained_by": "monitor"]
            if let run = context.run.runID { by["run"] = String(run) }
            try context.registry.setAlias(alias, name: deploymentName, version: manifest.version, by: by)
            registration = RegisteredVersion(name: deploymentName, version: manifest.version, source: "monitor retrain")
            serving = "version \(manifest.version) (retrained)"
        }
        let table = Table(
            title: "Retrained `\(deploymentName)` on `\(reference.reference)` + \(NumberFormat.integer(trainRows.count)) current rows; compared on \(NumberFormat.integer(testRows.count)) held-out current rows",
            columns: [TableColumn("model"), TableColumn("trained on"), TableColumn(metric, alignment: .right)],
            rows: [
                [.text("champion (version \(deployment.manifest.version))"), .text(reference.reference), .number(championScore, decimals: 4)],
                [.text("challenger"), .text("\(reference.reference) + current rows"), .number(challengerScore, decimals: 4)],
            ])
        let verdict = wins
            ? "The challenger wins (\(metric) \(NumberFormat.fixed(challengerScore, decimals: 4)) ≥ \(NumberFormat.fixed(championScore, decimals: 4)) + \(NumberFormat.compact(margin))): `\(alias)` now serves \(serving)."
            : "The champion stays: the challenger's \(metric) \(NumberFormat.fixed(challengerScore, decimals: 4)) does not beat \(NumberFormat.fixed(championScore, decimals: 4)) + \(NumberFormat.compact(margin)); `\(alias)` still serves \(serving)."
        return Decision(outputs: [.table(table), .note(Note(level: wins ? .info : .warning, verdict))], registration: registration)
    }

    /// The metric the two models are compared on (higher is better).
    static func metric(for task: LearningTask) -> String {
        switch task {
        case .binary: "roc_auc"
        case .multiclass: "accuracy"
        case .regression: "r2"
        }
    }
}
