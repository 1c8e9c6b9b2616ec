import Foundation
import MLEngine

/// The datasets, models and deployments a run has defined so far, by name.
///
/// A value owned by `Execution`, which applies each directive's ``DirectiveResult`` to it;
/// directives read a snapshot through ``DirectiveContext`` and never write to it.
struct Workspace: Sendable {
    var datasets: [String: LoadedDataset] = [:]
    var models: [String: TrainedModelEntry] = [:]
    var deployments: [String: Deployment] = [:]

    /// Adds (or replaces) what a directive defined.
    mutating func apply(_ artifacts: [Artifact]) {
        for artifact in artifacts {
            switch artifact {
            case .dataset(let dataset): datasets[dataset.name] = dataset
            case .model(let model): models[model.name] = model
            case .deployment(let deployment): deployments[deployment.name] = deployment
            }
        }
    }

    /// The artifact called `name`, if the workspace holds it.
    func artifact(_ name: WorkspaceName) -> Artifact? {
        switch name {
        case .dataset(let name): datasets[name].map(Artifact.dataset)
        case .model(let name): models[name].map(Artifact.model)
        case .deployment(let name): deployments[name].map(Artifact.deployment)
        }
    }

    /// The dataset called `reference` (`census`, `census.train`, `census.test`).
    func dataset(_ reference: String) throws(DirectiveError) -> DatasetView {
        let (base, part) = PlanContext.split(reference)
        guard let dataset = datasets[base] else { throw DirectiveError("dataset `\(base)` is not available") }
        switch part {
        case nil: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame)
        case "train"?: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame.rows(at: dataset.trainRows ?? []))
        case "test"?: return DatasetView(reference: reference, dataset: dataset, frame: dataset.frame.rows(at: dataset.testRows ?? []))
        default: throw DirectiveError("`\(reference)` is not a dataset part")
        }
    }
}

/// A loaded CSV and its split.
struct LoadedDataset: Sendable {
    var name: String
    /// The path as written in the notebook.
    var path: String
    var frame: DataFrame
    var fingerprint: DatasetFingerprint
    var target: String?
    var positive: String?
    /// The task asked for with `task:`; `nil` to infer it from the target column.
    var task: TargetEncoding.Request?
    var trainRows: [Int]?
    var testRows: [Int]?
    /// How the file was read (`delimiter`, `missing`, `types`): data compared with it later is read the same way.
    var options = CSVOptions()
}

/// A dataset or one of its split halves.
struct DatasetView: Sendable {
    var reference: String
    var dataset: LoadedDataset
    var frame: DataFrame
}

/// A model trained in this run.
struct TrainedModelEntry: Sendable {
    var name: String
    var model: TrainedModel
    /// The dataset reference it was trained on (`census.train`).
    var trainedOn: String
    var features: [String]
}

/// A model version registered by `deploy`.
struct Deployment: Sendable {
    var name: String
    var manifest: ModelManifest
    var model: TrainedModel
    /// The trained model it came from.
    var source: String
    /// The alias pointed at this version, if any.
    var alias: String?
}

/// A failure while a directive runs: shown in the report at the directive's place, and on the
/// terminal as a located diagnostic (`notebook.md:LINE:COL: error: …`).
struct DirectiveError: Error, Sendable, CustomStringConvertible {
    var message: String
    /// The spec key the failure is about (`from`, `model`); the diagnostic points at its value.
    var key: String?
    /// The underlying problem, e.g. `data/census.csv:17: …` from the CSV reader.
    var cause: String?

    init(_ message: String, key: String? = nil, cause: String? = nil) {
        self.message = message
        self.key = key
        self.cause = cause
    }

    var description: String { cause.map { "\(message): \($0)" } ?? message }
}
