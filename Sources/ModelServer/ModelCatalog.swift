import Logging
import MLEngine

/// The served models by name.
final class ModelCatalog: Sendable {
    let slots: [String: ModelSlot]
    /// Names in the order given on the command line.
    let names: [String]

    init(configuration: ServerConfiguration) throws(RegistryError) {
        var slots: [String: ModelSlot] = [:]
        var names: [String] = []
        let options = RowEncoderOptions(unseenCategory: configuration.unseenCategory)
        for reference in configuration.models {
            guard slots[reference.name] == nil else { throw RegistryError("model \"\(reference.name)\" is named twice; serve each model once") }
            slots[reference.name] = try ModelSlot(reference: reference, registry: configuration.registry, options: options)
            names.append(reference.name)
        }
        guard !names.isEmpty else { throw RegistryError("no model to serve; name one, e.g. income-classifier@production") }
        self.slots = slots
        self.names = names
    }

    /// The model `/invocations` scores: the only one served, else the one named by the
    /// `X-Labbook-Model` header; `nil` with why when neither applies.
    func invocationModel(header: String?) -> Result<LoadedModel, ServerProblem> {
        if let header {
            guard let slot = slots[header] else { return .failure(.unknownModel(header, served: names)) }
            return .success(slot.current)
        }
        if names.count == 1, let slot = slots[names[0]] { return .success(slot.current) }
        return .failure(ServerProblem(
            status: .badRequest, code: "MODEL_NOT_CHOSEN",
            message: "this server serves several models (\(names.joined(separator: ", "))); name one in the \(ServerProblem.modelHeader) header, or POST to /v1/models/NAME/predict"))
    }

    /// Checks every slot for a moved alias or a newer version and swaps what moved.
    func reloadAll(logger: Logger) {
        for name in names {
            guard let slot = slots[name] else { continue }
            do {
                if let version = try slot.reloadIfMoved() {
                    logger.notice("\(slot.reference) now serves version \(version)")
                }
            } catch {
                logger.error("cannot reload \(slot.reference): \(error.description); still serving version \(slot.current.version)")
            }
        }
    }
}
