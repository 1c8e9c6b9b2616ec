import MLEngine
import Synchronization

/// The model currently served under one name; ``reloadIfMoved()`` swaps in the version its
/// reference names now (an alias moved, a newer version), never touching requests in flight.
final class ModelSlot: Sendable {
    let reference: ModelReference
    let registry: ModelRegistry
    let options: RowEncoderOptions
    private let state: Mutex<LoadedModel>

    init(reference: ModelReference, registry: ModelRegistry, options: RowEncoderOptions) throws(RegistryError) {
        self.reference = reference
        self.registry = registry
        self.options = options
        state = Mutex(try LoadedModel.load(reference, from: registry, options: options))
    }

    /// The version served now; a request holds on to it to the end.
    var current: LoadedModel { state.withLock { $0 } }

    /// Loads and swaps in the version the reference names, when it is not the one served.
    /// - Returns: the new version, or `nil` when nothing changed.
    /// - Throws: ``RegistryError`` when the registry cannot be read (the old model stays).
    func reloadIfMoved() throws(RegistryError) -> Int? {
        if case .version = reference.selector { return nil }
        let wanted = try reference.version(in: registry)
        guard wanted != current.version else { return nil }
        let loaded = try LoadedModel.load(ModelReference(name: reference.name, selector: .version(wanted)), from: registry, options: options)
        state.withLock { $0 = loaded }
        return wanted
    }
}
