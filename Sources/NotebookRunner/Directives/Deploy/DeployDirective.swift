import MLEngine
import NotebookFormat
import Reports

/// `deploy`: registers a trained model as a new version in the local registry
/// (`.labbook/registry/NAME/VERSION/`), then loads it back and checks it predicts
/// exactly what the in-memory model predicts.
///
/// Registering a model identical to the latest version reuses that version, so re-running
/// an unchanged notebook does not pile up copies; a version is never overwritten. With
/// gates (``DeployGates``: `require`, `beat`), the alias moves only when every gate passes;
/// a failed gate is exit 3, like a failed `expect`, and the version stays registered.
///
/// ```deploy
/// model: tree
/// as: income-classifier
/// alias: production
/// require: {roc_auc: ">= 0.85", size_mb: "<= 5"}
/// beat: production
/// ```
struct DeployDirective: Directive {
    static let kind = "deploy"
    static let keys = ["model", "as", "alias", "require", "beat"]

    var model: String
    var registeredName: String
    var alias: String?
    var gates: DeployGates

    var label: String? { registeredName }
    var inputs: [String] { [model] + gates.inputs }
    var outputs: [String] { [registeredName] }
    var defines: [WorkspaceName] { [.deployment(registeredName)] }
    var evaluationInputs: [String] { [model] }

    init?(spec: SpecReader, plan: PlanContext) {
        alias = spec.string("alias")
        gates = DeployGates(spec: spec, plan: plan)
        let name = spec.string("as")
        for (key, value) in [("as", name), ("alias", alias)] {
            if let value, !ModelRegistry.isValidName(value) {
                spec.error("`\(key)` may use letters, digits, `.`, `_` and `-` (not leading `.` or `..`); got `\(value)`", at: spec.location(of: key))
            }
        }
        guard let model = spec.string("model", required: true),
            plan.resolveModel(model, at: spec.location(of: "model"), spec: spec)
        else { return nil }
        self.model = model
        registeredName = name ?? model
        if registeredName != model {
            plan.define(registeredName, as: .deployment, at: spec.location(of: "as"), spec: spec)
        }
    }

    func execute(in context: DirectiveContext) throws -> DirectiveResult {
        let entry = try context.model(model)
        let metrics = context.evaluations.last { $0.model == model }?.metrics ?? [:]
        let dataset = context.loadedDataset(PlanContext.split(entry.trainedOn).base)
        let draft = ModelManifestDraft(
            name: registeredName,
            createdBy: ["notebook": context.notebookPath, "notebook_sha256": context.notebookHash, "model": model],
            dataFingerprint: dataset?.fingerprint.content ?? "", metrics: metrics,
            inputs: FeatureProfile.profiles(of: try context.dataset(entry.trainedOn).frame, schema: entry.model.encoder.schema))
        let registry = context.registry
        let training = try context.dataset(entry.trainedOn)
        let reference = ReferenceData(frame: training.frame, options: training.dataset.options)
        let (manifest, reused) = try Self.registerUnlessUnchanged(entry.model, draft: draft, reference: reference, in: registry)

        let (loaded, _) = try registry.load(name: registeredName, version: manifest.version)
        let checkFrame = try context.dataset(entry.trainedOn).frame
        let expected = try entry.model.predictProbabilities(checkFrame)
        let actual = try loaded.predictProbabilities(checkFrame)
        guard expected == actual else {
            throw DirectiveError("the registered bundle predicts differently from the trained model; it was not trusted")
        }
        let outcomes = try gates.check(entry, manifest: manifest, recorded: metrics, context: context)
        let passed = outcomes.allSatisfy(\.passed)
        if passed, let alias {
            var by = ["notebook": context.notebookPath, "model": model]
            if let run = context.run.runID { by["run"] = String(run) }
            try registry.setAlias(alias, name: registeredName, version: manifest.version, by: by)
        }
        let deployment = Deployment(
            name: registeredName, manifest: manifest, model: loaded, source: model, alias: passed ? alias : nil)
        var result = DirectiveResult(
            outputs: outputs(entry: entry, manifest: manifest, rows: checkFrame.rowCount, moved: passed)
                + DeployGates.outputs(outcomes, alias: alias, version: manifest.version),
            artifacts: [.deployment(deployment)])
        result.facts.registrations.append(RegisteredVersion(name: registeredName, version: manifest.version, source: model))
        result.timingNotes.append("deploy \(registeredName): version \(manifest.version)\(reused ? " (unchanged, reused)" : "")")
        guard passed else {
            let failed = outcomes.filter { !$0.passed }.map { "\($0.gate) (\($0.requirement); measured \($0.measured))" }
            throw ExpectationFailure(message: "deployment gate not met: " + failed.joined(separator: "; "), result: result)
        }
        return result
    }

    private func outputs(entry: TrainedModelEntry, manifest: ModelManifest, rows: Int, moved: Bool) -> [ReportOutput] {
        let folder = ".labbook/registry/\(registeredName)/\(manifest.version)/"
        return [
            .table(Table.keyValue(title: "Deployed `\(registeredName)`", [
                ("model", .text("\(model) (\(entry.model.kind.rawValue))")),
                ("version", .integer(manifest.version)),
                ("alias", .text(alias.map { moved ? "\($0) → version \(manifest.version)" : "\($0) (not moved)" } ?? "none")),
                ("bundle", .text(folder + "{model.json, manifest.json, reference.lbf, reference.json}")),
                ("data fingerprint", .text(manifest.dataFingerprint)),
                ("features", .integer(manifest.featureSchema.features.count)),
                ("engine version", .text(manifest.engineVersion)),
            ])),
            .text("Loaded back from the registry, the bundle gives identical predictions on all \(NumberFormat.integer(rows)) rows of `\(entry.trainedOn)`."),
        ]
    }

    /// Registers `model` as a new version, unless one of the last ten versions holds the identical
    /// model trained on the same data: then that version is reused (a version is never overwritten).
    static func registerUnlessUnchanged(
        _ model: TrainedModel, draft: ModelManifestDraft, reference: ReferenceData? = nil, in registry: ModelRegistry
    ) throws -> (ModelManifest, reused: Bool) {
        // The last few versions, newest first: a notebook that deploys and then retrains on
        // drift alternates between two versions, and a rerun must find both.
        for version in try registry.versions(of: draft.name).reversed().prefix(10) {
            let candidate = try registry.manifest(name: draft.name, version: version)
            guard candidate.dataFingerprint == draft.dataFingerprint, candidate.modelKind == model.kind else { continue }
            let (existing, manifest) = try registry.load(name: draft.name, version: version)
            if existing == model { return (manifest, true) }
        }
        return (try registry.register(model, manifest: draft, reference: reference), false)
    }
}
