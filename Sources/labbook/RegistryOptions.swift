import ArgumentParser
import Foundation
import MLEngine

/// `--registry DIR` / `--state DIR`, shared by `models`, `predict`, `package` and `serve`.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The model registry folder.", valueName: "dir"))
    var registry: String?

    @Option(name: .long, help: ArgumentHelp("A state folder; its registry/ is used.", valueName: "dir"))
    var state: String?

    /// `--registry`, else `--state`/registry, else `./.labbook/registry`, else the only
    /// `*/.labbook/registry` one folder down (e.g. `notebooks/.labbook/registry`).
    func open() throws -> ModelRegistry {
        if let registry { return ModelRegistry(root: registry) }
        if let state { return ModelRegistry(root: (state as NSString).appendingPathComponent("registry")) }
        let files = FileManager.default
        let local = ".labbook/registry"
        if files.fileExists(atPath: local) { return ModelRegistry(root: local) }
        let found = ((try? files.contentsOfDirectory(atPath: ".")) ?? []).sorted()
            .map { "\($0)/.labbook/registry" }
            .filter { files.fileExists(atPath: $0) }
        if found.count == 1 { return ModelRegistry(root: found[0]) }
        if found.isEmpty {
            throw StoreFailure("no model registry in .labbook/ here or one folder down; deploy a model first, or name one with --registry DIR")
        }
        throw StoreFailure("several registries (\(found.joined(separator: ", "))); name one with --registry DIR")
    }
}
