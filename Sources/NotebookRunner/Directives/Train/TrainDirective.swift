import Foundation
import MLEngine
import NotebookFormat
import Reports

/// `train`: fits a named model on a dataset (its train part when the dataset is split); with
/// `search` (or `model: auto`) it first searches the settings (and the model family) that
/// score best and trains the winner (see ``TrainSearch``).
///
/// ```train
/// name: tree
/// data: census
/// model: decision_tree
/// params: {max_depth: 8}
/// ```
struct TrainDirective: Directive {
    static let kind = "train"
    static let keys = ["name", "data", "model", "params", "features", "target", "preprocessing", "search"]

    var name: String
    var data: String
    /// The model kind; `nil` for `model: auto` (the search chooses).
    var model: ModelKind?
    /// How to search the settings; `nil` trains `params` as written.
    var search: TrainSearch?
    var parameters: [String: MLEngine.ParameterValue]
    var features: [String]?
    var target: String?
    var preprocessing: PreprocessingSpec
    /// The `preprocessing` mapping as written (canonical), for the report.
    var preprocessingText: String?

    var label: String? { name }
    var inputs: [String] { [PlanContext.split(data).base] }
    var outputs: [String] { [name] }
    var defines: [WorkspaceName] { [.model(name)] }

    init?(spec: SpecReader, plan: PlanContext) {
        let kinds = ModelKind.allCases.map(\.rawValue)
        let modelName = spec.choice("model", among: kinds + ["auto"], required: true)
        let model = modelName.flatMap(ModelKind.init(rawValue:))
        var parameters: [String: MLEngine.ParameterValue] = [:]
        var valid = true
        if modelName == "auto", spec.has("params") {
            spec.error(
                "`params` belong to one model; with `model: auto`, fix a parameter in `search: {space: {MODEL: {name: value}}}`",
                at: spec.location(of: "params"))
            valid = false
        }
        for entry in spec.entries("params") ?? [] {
            guard let model else { break }
            guard ModelParameterEntry.isKnown(entry, model: model, spec: spec) else {
                valid = false
                continue
            }
            guard let value = ModelParameterEntry.value(entry.value) else {
                spec.error("`\(entry.key)` must be a number, boolean or string; found \(entry.value.typeName)", at: entry.value.location)
                valid = false
                continue
            }
            do throws(ModelError) {
                try ModelParameters.validate(kind: model, params: [entry.key: value])
                parameters[entry.key] = value
            } catch {
                spec.error(error.message, at: entry.value.location)
                valid = false
            }
        }
        self.parameters = parameters
        let featureList = spec.stringList("features")
        features = featureList?.map(\.value)
        target = spec.string("target")
        preprocessing = PreprocessingSpec()
        if let node = spec.node("preprocessing") {
            switch Self.decodePreprocessing(node) {
            case .success(let decoded):
                preprocessing = decoded
                preprocessingText = node.canonical
            case .failure(let error):
                spec.error("`preprocessing`: \(error.message)", at: node.location)
                valid = false
            }
        }
        if let searchSpec = spec.mapping("search", allowedKeys: TrainSearch.keys) {
            search = TrainSearch.read(searchSpec, model: model, fixed: parameters, notebookMetric: plan.notebookMetric)
            if search == nil { valid = false }
        } else if spec.has("search") {
            valid = false
        } else if modelName == "auto" {
            search = TrainSearch.read(
                SpecReader(SpecNode(.map([]), at: spec.location), directive: "train.search", at: spec.location,
                           allowedKeys: TrainSearch.keys, log: spec.log),
                model: nil, fixed: [:], notebookMetric: plan.notebookMetric)
        }
        let name = spec.string("name", required: true)
        let data = spec.string("data", required: true)
        let dataValid = data.map { plan.resolveDataset($0, at: spec.location(of: "data"), spec: spec) != nil } ?? false
        if let data, dataValid, PlanContext.split(data).part == "test" {
            spec.error(
                "`\(data)` is the held-out part: training on it leaves nothing to evaluate on; use `\(PlanContext.split(data).base)` (its train part) or `\(PlanContext.split(data).base).train`",
                at: spec.location(of: "data"))
            valid = false
        }
        if let data, dataValid, target == nil, case .some(.none) = plan.target(of: data) {
            spec.error(
                "`\(PlanContext.split(data).base)` has no target: give its `load` a `target` (and `positive` for one class against the rest), or give `train` a `target`",
                at: spec.location(of: "data"))
            valid = false
        }
        if let data, dataValid {
            var mentioned = featureList ?? []
            if let target { mentioned.append((target, spec.location(of: "target"))) }
            plan.checkColumns(mentioned, in: data, spec: spec)
        }
        if let name { plan.define(name, as: .model, at: spec.location(of: "name"), spec: spec) }
        guard let name, let data, modelName != nil, dataValid, valid else { return nil }
        self.name = name
        self.data = data
        self.model = model
    }

    func execute(in context: DirectiveContext) throws -> DirectiveResult {
        let reference = Self.trainingReference(data, context: context)
        let view = try context.dataset(reference)
        guard let target = target ?? view.dataset.target else {
            throw DirectiveError(
                "`\(data)` has no target: give its `load` a `target` (and `positive` for one class against the rest), or give `train` a `target`",
                key: "data")
        }
        let positive = target == view.dataset.target ? view.dataset.positive : nil
        let task = target == view.dataset.target ? view.dataset.task : nil
        let features = self.features ?? view.frame.columnNames.filter { $0 != target }
        var generator = context.generator(for: "train:\(name)")
        let started = ContinuousClock.now
        let trained: TrainedModel
        var searchOutputs: [ReportOutput] = []
        var searchFacts: [SearchTrialRecord] = []
        if let search {
            let outcome = try TrainSearchRun(
                directive: self, search: search, view: view, features: features, target: target, positive: positive, task: task,
                context: context
            ).run(generator: &generator)
            trained = outcome.model
            searchOutputs = outcome.outputs
            searchFacts = outcome.records
        } else if let model {
            do {
                trained = try TrainedModel.train(
                    kind: model, parameters: parameters, frame: view.frame, features: features, target: target, positive: positive,
                    task: task, preprocessing: preprocessing, seed: generator.next())
            } catch {
                throw DirectiveError(error.message, key: "model")
            }
        } else {
            throw DirectiveError("`model: auto` needs a search", key: "model")
        }
        let elapsed = ContinuousClock.now - started
        let peak = ProcessMemory.peakResidentBytes()
        let entry = TrainedModelEntry(name: name, model: trained, trainedOn: reference, features: features)

        var outputs: [ReportOutput] = searchOutputs + [.table(summary(trained, view: view, features: features))]
        outputs += trained.warnings.map { .note(Note(level: .warning, "\(name): \($0)")) }
        let importances = trained.featureImportances().sorted { $0.importance > $1.importance }.prefix(12)
        if !importances.isEmpty, let meaning = trained.kind.importanceMeaning {
            outputs.append(.chart(Chart(
                title: "What `\(name)` relies on", kind: .bars(importances.map { Bar(label: $0.feature, value: $0.importance) }),
                xLabel: meaning, yLabel: nil)))
        }
        if context.reportTimings {
            outputs.append(.text("Training took \(NumberFormat.duration(elapsed)) on this machine; the process's peak resident memory after training was \(NumberFormat.bytes(peak))."))
        }
        var facts = StepFacts()
        facts.searchTrials = searchFacts
        return DirectiveResult(
            outputs: outputs, artifacts: [.model(entry)], facts: facts,
            timingNotes: ["train \(name): \(NumberFormat.duration(elapsed)), peak RSS \(NumberFormat.bytes(peak))"])
    }

    /// A dataset with a split trains on its `.train` part unless a part is named.
    static func trainingReference(_ data: String, context: DirectiveContext) -> String {
        let (base, part) = PlanContext.split(data)
        guard part == nil, context.loadedDataset(base)?.trainRows != nil else { return data }
        return base + ".train"
    }

    private func summary(_ trained: TrainedModel, view: DatasetView, features: [String]) -> Table {
        let parameterText = trained.parameters.keys.sorted().map { "\($0)=\(trained.parameters[$0].map(Self.describe) ?? "")" }
        return Table.keyValue(title: "Model `\(name)`", [
            ("algorithm", .text(trained.kind.rawValue)),
            ("trained on", .text("\(view.reference) (\(NumberFormat.integer(view.frame.rowCount)) rows)")),
            ("target", .text(Self.describeTarget(trained))),
            ("features", .text("\(features.count): \(features.joined(separator: ", "))")),
            ("parameters", .text(parameterText.isEmpty ? "defaults" : parameterText.joined(separator: ", "))),
            ("preprocessing", .text(preprocessingText ?? Self.defaultPreprocessing(trained.kind))),
        ])
    }

    static func describeTarget(_ model: TrainedModel) -> String {
        switch model.task {
        case .binary: "\(model.target) = \(model.positiveLabel ?? "") (binary)"
        case .multiclass(let count): "\(model.target): \(count) classes (\(model.classes.joined(separator: ", ")))"
        case .regression: "\(model.target) (regression)"
        }
    }

    static func defaultPreprocessing(_ model: ModelKind) -> String {
        let defaults = model.preprocessingDefaults
        let imputation = defaults.imputation == .none ? "missing values kept" : "\(defaults.imputation.name) imputation"
        let scaling = defaults.scaling == .standard ? ", standard scaling" : ""
        let categories = defaults.encoding == .oneHot ? "one-hot (unknown → all zeros)" : "ordinal codes (unknown → -1)"
        return "defaults: numeric \(imputation)\(scaling); categorical \(categories)"
    }

    /// Decodes the `preprocessing` mapping through the engine's own `Codable` form.
    static func decodePreprocessing(_ node: SpecNode) -> Result<PreprocessingSpec, DirectiveError> {
        do {
            return .success(try JSONDecoder().decode(PreprocessingSpec.self, from: Data(node.canonical.utf8)))
        } catch DecodingError.dataCorrupted(let context) {
            return .failure(DirectiveError(context.debugDescription))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.keyNotFound(_, let context)
        {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(DirectiveError("`\(path)`: \(context.debugDescription)"))
        } catch {
            return .failure(DirectiveError("\(error)"))
        }
    }

    static func describe(_ value: MLEngine.ParameterValue) -> String {
        switch value {
        case .int(let number): String(number)
        case .double(let number): NumberFormat.compact(number)
        case .string(let text): text
        case .bool(let flag): String(flag)
        }
    }
}
