import Foundation

/// A directory of versioned model bundles:
///
/// ```
/// ROOT/NAME/1/model.json
/// ROOT/NAME/1/manifest.json
/// ROOT/NAME/1/reference.lbf, reference.json   (the training data, when given)
/// ROOT/NAME/2/…
/// ROOT/NAME/aliases/production     (a version number, then the alias's moves as JSON lines)
/// ```
///
/// A version is written to a temporary directory and renamed into place in one step, so
/// readers never see half a bundle, and a version is never overwritten: when two writers
/// race for the same number, the later one takes the next. Files are written with sorted
/// keys, so the same model always produces byte-identical files.
public struct ModelRegistry: Sendable {
    /// The registry's root directory.
    public let root: String

    /// A registry rooted at `root` (created on first registration).
    public init(root: String) {
        self.root = root
    }

    /// Stores `model` as the next version of `draft.name` and returns its manifest; with
    /// `reference`, the training data goes into the bundle too (``reference(name:version:)``).
    /// - Throws: ``RegistryError`` for an invalid name or when the files cannot be written.
    public func register(
        _ model: TrainedModel, manifest draft: ModelManifestDraft, reference: ReferenceData? = nil
    ) throws(RegistryError) -> ModelManifest {
        try Self.validate(draft.name, what: "model name")
        let modelDirectory = directory(of: draft.name)
        let modelJSON = try Self.encode(model, what: "model")
        try Self.createDirectory(modelDirectory)
        let temporary = modelDirectory + "/.tmp-" + UUID().uuidString
        try Self.createDirectory(temporary)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try Self.write(modelJSON, to: temporary + "/" + Self.modelFile)
        if let reference { try Self.writeReference(reference, into: temporary) }
        var version = (try versions(of: draft.name).last ?? 0) + 1
        for _ in 0..<1000 {
            let manifest = ModelManifest(
                model: model, draft: draft, version: version, modelSHA256: "sha256:" + modelJSON.withUnsafeBytes { Digest.sha256Hex($0) })
            try Self.write(try Self.encode(manifest, what: "manifest"), to: temporary + "/" + Self.manifestFile)
            if try Self.renameUnlessTaken(temporary, to: modelDirectory + "/" + String(version)) {
                return manifest
            }
            version = max(version, try versions(of: draft.name).last ?? 0) + 1
        }
        throw RegistryError("could not allocate a version of model \"\(draft.name)\": too many concurrent registrations")
    }

    /// The names of all registered models, sorted.
    /// - Throws: ``RegistryError`` when the root exists but cannot be read.
    public func names() throws(RegistryError) -> [String] {
        var names: [String] = []
        for name in try Self.entries(of: root) where Self.isValidName(name) {
            if try !versions(of: name).isEmpty { names.append(name) }
        }
        return names.sorted()
    }

    /// The versions of `name`, ascending; empty when there is no such model.
    /// - Throws: ``RegistryError`` for an invalid name or an unreadable directory.
    public func versions(of name: String) throws(RegistryError) -> [Int] {
        try Self.validate(name, what: "model name")
        return try Self.entries(of: directory(of: name)).compactMap { entry in
            guard let version = Int(entry), version > 0, String(version) == entry else { return nil }
            return version
        }.sorted()
    }

    /// Loads a model and its manifest; the latest version when `version` is `nil`.
    /// - Throws: ``RegistryError`` when the model or version does not exist or its files are damaged.
    public func load(name: String, version: Int? = nil) throws(RegistryError) -> (model: TrainedModel, manifest: ModelManifest) {
        let resolved = try existingVersion(name: name, version: version)
        let folder = directory(of: name) + "/" + String(resolved)
        let manifest = try manifest(name: name, version: resolved)
        let model = try Self.decode(TrainedModel.self, from: folder + "/" + Self.modelFile)
        return (model, manifest)
    }

    /// Loads only the manifest of a version (the latest when `version` is `nil`).
    /// - Throws: ``RegistryError`` as ``load(name:version:)``.
    public func manifest(name: String, version: Int? = nil) throws(RegistryError) -> ModelManifest {
        let resolved = try existingVersion(name: name, version: version)
        let path = directory(of: name) + "/" + String(resolved) + "/" + Self.manifestFile
        let manifest = try Self.decode(ModelManifest.self, from: path)
        guard manifest.name == name, manifest.version == resolved else {
            throw RegistryError("\(path) describes \(manifest.name) version \(manifest.version), not \(name) version \(resolved)")
        }
        return manifest
    }

    func directory(of name: String) -> String {
        root + "/" + name
    }

    /// `version` if it exists, or the latest when `nil`.
    private func existingVersion(name: String, version: Int?) throws(RegistryError) -> Int {
        let available = try versions(of: name)
        guard let latest = available.last else {
            throw RegistryError("no model named \"\(name)\" in the registry at \(root)")
        }
        guard let version else { return latest }
        guard available.contains(version) else {
            throw RegistryError(
                "model \"\(name)\" has no version \(version); versions are: "
                    + available.map(String.init).joined(separator: ", ")
            )
        }
        return version
    }
}
