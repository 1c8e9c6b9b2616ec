import ArgumentParser
import Foundation
import MLEngine

/// `labbook package`: a container build context for one model version.
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Write a container build context (Containerfile, bundle, README) that serves a model.",
        discussion: """
            The Containerfile builds this Labbook version from the source in DIR/source/ (copied with --source) with the official Swift image and copies only the binary, libcmark, libsqlite3 and the bundle into a distroless runtime that runs `labbook serve` as a non-root user, with a health check.

            Examples:
              labbook package income-classifier@production --out build/income
              labbook package income-classifier@production --out build/income --source .
              labbook package income-classifier@3 --out build/income-v3 --port 9000
            """)

    @Argument(help: ArgumentHelp("NAME@ALIAS, NAME@VERSION or NAME (the latest version).", valueName: "model"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("The folder to write.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("A Labbook source checkout to copy into DIR/source/.", valueName: "dir"))
    var source: String?

    @Option(name: .long, help: "The port the server listens on in the container.")
    var port = 8080

    @OptionGroup var registryOptions: RegistryOptions

    func run() throws {
        let registry = try registryOptions.open()
        let reference = try modelReference(model)
        let version = try registryCall { () throws(RegistryError) in try reference.version(in: registry) }
        var alias: String?
        if case .alias(let name) = reference.selector { alias = name }
        let context = BuildContext(name: reference.name, version: version, alias: alias, port: port)
        try registryCall { () throws(RegistryError) in try context.write(to: out, from: registry, source: source) }
        Terminal.error("\(reference) (version \(version)): build context in \(out)/ (Containerfile, README.md, registry/\(source == nil ? "; add the Labbook source in source/" : ", source/"))")
    }
}
