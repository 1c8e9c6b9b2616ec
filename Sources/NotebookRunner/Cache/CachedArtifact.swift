import Foundation
import MLEngine

/// An artifact as a cache entry stores it: small fields inline, large values as objects.
enum CachedArtifact: Codable, Sendable {
    case dataset(CachedDataset)
    case model(CachedModel)
    case deployment(CachedDeployment)

    var name: WorkspaceName {
        switch self {
        case .dataset(let dataset): .dataset(dataset.name)
        case .model(let model): .model(model.name)
        case .deployment(let deployment): .deployment(deployment.name)
        }
    }

    /// The objects it refers to.
    var objects: [String] {
        switch self {
        case .dataset(let dataset): [dataset.frame] + [dataset.trainRows, dataset.testRows].compactMap { $0 }
        case .model(let model): [model.model]
        case .deployment(let deployment): [deployment.model]
        }
    }

    /// Stores `artifact`'s large values in `store`.
    init(_ artifact: Artifact, in store: CacheStore) throws {
        switch artifact {
        case .dataset(let dataset):
            self = .dataset(CachedDataset(
                name: dataset.name, path: dataset.path, frame: try store.put(dataset.frame),
                fingerprint: dataset.fingerprint, target: dataset.target, positive: dataset.positive,
                task: dataset.task?.rawValue,
                trainRows: try dataset.trainRows.map { try store.put(RowIndices.encode($0)) },
                testRows: try dataset.testRows.map { try store.put(RowIndices.encode($0)) },
                delimiter: dataset.options.delimiter, missingMarkers: dataset.options.missingMarkers.sorted(),
                columnTypes: dataset.options.columnTypes.mapValues(\.rawValue)))
        case .model(let model):
            self = .model(CachedModel(
                name: model.name, model: try store.put(Data(model.model.binaryEncoded())), trainedOn: model.trainedOn,
                features: model.features))
        case .deployment(let deployment):
            self = .deployment(CachedDeployment(
                name: deployment.name, manifest: deployment.manifest, model: try store.put(Data(deployment.model.binaryEncoded())),
                source: deployment.source, alias: deployment.alias))
        }
    }

    /// The artifact, or `nil` when an object is missing or damaged.
    func restore(from store: CacheStore) -> Artifact? {
        func model(_ reference: String) -> TrainedModel? {
            store.object(reference).flatMap { try? TrainedModel(binary: [UInt8]($0)) }
        }
        switch self {
        case .dataset(let cached):
            guard let bytes = store.object(cached.frame), let frame = try? DataFrame(binary: [UInt8](bytes)) else { return nil }
            func rows(_ reference: String?) -> [Int]?? {
                guard let reference else { return .some(nil) }
                return store.object(reference).flatMap { RowIndices.decode($0, rowCount: frame.rowCount) }.map { .some($0) }
            }
            guard let train = rows(cached.trainRows), let test = rows(cached.testRows) else { return nil }
            return .dataset(LoadedDataset(
                name: cached.name, path: cached.path, frame: frame, fingerprint: cached.fingerprint, target: cached.target,
                positive: cached.positive, task: cached.task.flatMap(TargetEncoding.Request.init(rawValue:)),
                trainRows: train, testRows: test,
                options: CSVOptions(
                    delimiter: cached.delimiter, missingMarkers: Set(cached.missingMarkers),
                    columnTypes: cached.columnTypes.compactMapValues(ColumnType.init(rawValue:)))))
        case .model(let cached):
            return model(cached.model).map {
                .model(TrainedModelEntry(name: cached.name, model: $0, trainedOn: cached.trainedOn, features: cached.features))
            }
        case .deployment(let cached):
            return model(cached.model).map {
                .deployment(Deployment(
                    name: cached.name, manifest: cached.manifest, model: $0, source: cached.source, alias: cached.alias))
            }
        }
    }

    /// Whether the world outside the cache still matches: a deployment's registry must still
    /// hold its version as the latest, with the same manifest, its model file and its alias.
    func isCurrent(in registry: ModelRegistry) -> Bool {
        guard case .deployment(let deployment) = self else { return true }
        let version = deployment.manifest.version
        guard (try? registry.versions(of: deployment.name).last) == version,
            (try? registry.manifest(name: deployment.name, version: version)) == deployment.manifest,
            FileManager.default.fileExists(atPath: "\(registry.root)/\(deployment.name)/\(version)/model.json")
        else { return false }
        guard let alias = deployment.alias else { return true }
        return (try? registry.version(ofAlias: alias, name: deployment.name)) == version
    }
}

/// A dataset defined by `load`.
struct CachedDataset: Codable, Sendable {
    var name: String
    var path: String
    /// Object: the frame in `DataFrame` binary form.
    var frame: String
    var fingerprint: DatasetFingerprint
    var target: String?
    var positive: String?
    /// `classification` or `regression` when the notebook asked for one.
    var task: String?
    /// Objects: the split's row indices (see `RowIndices`).
    var trainRows: String?
    var testRows: String?
    /// The CSV options it was read with.
    var delimiter: UInt8
    var missingMarkers: [String]
    var columnTypes: [String: String]
}

/// A model defined by `train`.
struct CachedModel: Codable, Sendable {
    var name: String
    /// Object: the `TrainedModel` in its binary format (`TrainedModel.binaryEncoded()`).
    var model: String
    var trainedOn: String
    var features: [String]
}

/// A registry version made by `deploy`.
struct CachedDeployment: Codable, Sendable {
    var name: String
    var manifest: ModelManifest
    /// Object: the registered `TrainedModel` in its binary format.
    var model: String
    var source: String
    var alias: String?
}
