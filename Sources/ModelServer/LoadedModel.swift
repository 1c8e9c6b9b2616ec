import Foundation
import MLEngine

/// One model version as served: immutable, so a request keeps the version it started with
/// while a reload swaps in the next.
final class LoadedModel: Sendable {
    let name: String
    let version: Int
    let manifest: ModelManifest
    let scorer: RowScorer
    /// The manifest as JSON, encoded once.
    let manifestJSON: [UInt8]
    /// `{"name":"…","version":N}`, written into every response.
    let identityJSON: [UInt8]

    init(name: String, version: Int, model: TrainedModel, manifest: ModelManifest, options: RowEncoderOptions) {
        self.name = name
        self.version = version
        self.manifest = manifest
        scorer = RowScorer(model: model, profiles: manifest.inputs, options: options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        manifestJSON = (try? Array(encoder.encode(manifest))) ?? Array("{}".utf8)
        var identity: [UInt8] = Array(#"{"name":"#.utf8)
        ServingJSONWriter.write(name, into: &identity)
        identity.append(contentsOf: #","version":\#(version)}"#.utf8)
        identityJSON = identity
    }

    /// Loads the version `reference` names now.
    static func load(_ reference: ModelReference, from registry: ModelRegistry, options: RowEncoderOptions) throws(RegistryError) -> LoadedModel {
        let version = try reference.version(in: registry)
        let (model, manifest) = try registry.load(name: reference.name, version: version)
        var options = options
        options.ignoredFields.insert(model.target)
        return LoadedModel(name: reference.name, version: version, model: model, manifest: manifest, options: options)
    }
}
