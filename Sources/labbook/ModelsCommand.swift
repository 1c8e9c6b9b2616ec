import ArgumentParser
import Foundation
import MLEngine
import RunStorage

/// `labbook models`: the registry's models, one version, and alias moves.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List registered models; show, promote and roll back versions.",
        discussion: """
            Models are registered by a notebook's `deploy` directive into .labbook/registry/ beside the notebook. Versions are never overwritten; an alias (production, staging, any name) points at one version and keeps a history of its moves.

            Examples:
              labbook models
              labbook models show income-classifier@production
              labbook models promote income-classifier 3 --alias production
              labbook models rollback income-classifier --alias production
              labbook models --registry notebooks/.labbook/registry
            """,
        subcommands: [ModelsList.self, ModelsShow.self, ModelsPromote.self, ModelsRollback.self],
        defaultSubcommand: ModelsList.self)
}

/// Parses a model reference or fails like a command-line error.
func modelReference(_ text: String) throws -> ModelReference {
    do { return try ModelReference(parsing: text) } catch { throw ValidationError(error.description) }
}

/// Runs a registry call, turning its error into a one-line failure.
func registryCall<T>(_ body: () throws(RegistryError) -> T) throws -> T {
    do { return try body() } catch { throw StoreFailure(error.description) }
}

struct ModelsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every model: versions, aliases and the latest version's key metric.")

    @OptionGroup var registryOptions: RegistryOptions

    func run() throws {
        let registry = try registryOptions.open()
        let rows = try registryCall { () throws(RegistryError) in
            try registry.names().map { name throws(RegistryError) -> [String] in
                let versions = try registry.versions(of: name)
                let aliases = try registry.aliases(of: name).sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }
                let manifest = try versions.last.map { version throws(RegistryError) in try registry.manifest(name: name, version: version) }
                return [
                    name, versions.map(String.init).joined(separator: ", "), aliases.isEmpty ? "—" : aliases.joined(separator: ", "),
                    manifest.map { "\($0.modelKind.rawValue)" } ?? "—", manifest.map(ModelText.keyMetric) ?? "—",
                ]
            }
        }
        guard !rows.isEmpty else {
            Terminal.error("no models in \(registry.root); a notebook's deploy directive registers them")
            return
        }
        print(TextTable(columns: ["model", "versions", "aliases", "kind (latest)", "key metric (latest)"], rows: rows).render())
    }
}

struct ModelsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One version's manifest: provenance, inputs, metrics, build; and its aliases' history.")

    @Argument(help: ArgumentHelp("NAME, NAME@VERSION or NAME@ALIAS (default: the latest version).", valueName: "model"))
    var model: String

    @Flag(name: .long, help: "Print the manifest as JSON.")
    var json = false

    @OptionGroup var registryOptions: RegistryOptions

    func run() throws {
        let registry = try registryOptions.open()
        let reference = try modelReference(model)
        let (manifest, aliases) = try registryCall { () throws(RegistryError) in
            let version = try reference.version(in: registry)
            return (try registry.manifest(name: reference.name, version: version), try registry.aliases(of: reference.name))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(manifest), as: UTF8.self))
            return
        }
        print(ModelText.describe(manifest, aliases: aliases))
        for alias in aliases.keys.sorted() {
            let history = try registryCall { () throws(RegistryError) in try registry.aliasHistory(alias, name: manifest.name) }
            guard !history.isEmpty else { continue }
            print("\nAlias \(alias)")
            print(TextTable(
                columns: ["#", "move", "from", "to", "by"], rightAligned: [0],
                rows: history.enumerated().map { index, move in
                    [String(index + 1), move.action.rawValue, move.from.map(String.init) ?? "—", String(move.to),
                     move.by.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
                }).render())
        }
    }
}

struct ModelsPromote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Point an alias at a version (a server serving the alias reloads).")

    @Argument(help: "The model name.")
    var name: String

    @Argument(help: "The version to promote.")
    var version: Int

    @Option(name: .long, help: "The alias to move.")
    var alias = "production"

    @OptionGroup var registryOptions: RegistryOptions

    func run() throws {
        let registry = try registryOptions.open()
        let before = try? registry.version(ofAlias: alias, name: name)
        try registryCall { () throws(RegistryError) in
            try registry.setAlias(alias, name: name, version: version, by: ModelText.commandAuthor("promote"))
        }
        Terminal.error("\(name)@\(alias): \(before.map { "version \($0) → " } ?? "")version \(version)")
    }
}

struct ModelsRollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Return an alias to the version it pointed at before its latest promotion.")

    @Argument(help: "The model name.")
    var name: String

    @Option(name: .long, help: "The alias to move back.")
    var alias = "production"

    @OptionGroup var registryOptions: RegistryOptions

    func run() throws {
        let registry = try registryOptions.open()
        let before = try? registry.version(ofAlias: alias, name: name)
        let target = try registryCall { () throws(RegistryError) in
            try registry.rollbackAlias(alias, name: name, by: ModelText.commandAuthor("rollback"))
        }
        Terminal.error("\(name)@\(alias): \(before.map { "version \($0) → " } ?? "")version \(target) (rolled back)")
    }
}

/// Text for the model commands.
enum ModelText {
    /// The headline metric of a manifest: ROC AUC, R², accuracy, or the first one.
    static func keyMetric(_ manifest: ModelManifest) -> String {
        let name = ["roc_auc", "r2", "accuracy"].first { manifest.metrics[$0] != nil } ?? manifest.metrics.keys.sorted().first
        guard let name, let value = manifest.metrics[name] else { return "—" }
        return "\(name) \(String(format: "%.4f", value))"
    }

    /// Who moved an alias from the command line.
    static func commandAuthor(_ verb: String) -> [String: String] {
        var by = ["command": "labbook models \(verb)"]
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { by["user"] = user }
        return by
    }

    static func describe(_ manifest: ModelManifest, aliases: [String: Int]) -> String {
        let pointing = aliases.filter { $0.value == manifest.version }.keys.sorted()
        var rows: [[String]] = [
            ["model", "\(manifest.name) version \(manifest.version)" + (pointing.isEmpty ? "" : " (\(pointing.joined(separator: ", ")))")],
            ["kind", manifest.modelKind.rawValue],
            ["task", manifest.task + (manifest.positiveLabel.map { ", positive \($0)" } ?? "")],
            ["target", manifest.target],
            ["trained from", manifest.createdBy.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")],
            ["data", manifest.dataFingerprint],
            ["model file", manifest.modelSHA256 ?? "—"],
            ["engine", manifest.build.map { "Labbook \($0.engineVersion), Swift \($0.swiftVersion), \($0.os)/\($0.arch)" }
                ?? "Labbook \(manifest.engineVersion)"],
        ]
        rows += manifest.metrics.keys.sorted().map { ["metric \($0)", String(format: "%.4f", manifest.metrics[$0] ?? .nan)] }
        var text = TextTable(columns: ["field", "value"], rows: rows).render()
        let inputs = manifest.inputs ?? manifest.featureSchema.features.map {
            FeatureProfile(name: $0.name, type: $0.type, categories: $0.categories, missingAllowed: true)
        }
        text += "\n\nInputs\n" + TextTable(
            columns: ["feature", "type", "values seen in training", "missing"],
            rows: inputs.map { input in
                let values: String
                if let categories = input.categories {
                    values = categories.count <= 6
                        ? categories.joined(separator: ", ") : categories.prefix(6).joined(separator: ", ") + ", … (\(categories.count))"
                } else if let low = input.minimum, let high = input.maximum {
                    values = "\(Self.number(low)) … \(Self.number(high))"
                } else {
                    values = "—"
                }
                return [input.name, input.type.rawValue, values, input.missingAllowed ? "allowed" : "not seen"]
            }).render()
        return text
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
    }
}
