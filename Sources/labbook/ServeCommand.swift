import ArgumentParser
import Foundation
import Logging
import MLEngine
import ModelServer

/// `labbook serve`: the HTTP model server (see ``ModelServer``).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve registered models over HTTP (JSON predictions, MLflow's /invocations, Prometheus /metrics).",
        discussion: """
            Routes: POST /v1/models/NAME/predict with {"rows": [{feature: value}]} or {"columns": [...], "data": [[...]]}; POST /invocations (MLflow: dataframe_records, dataframe_split, instances; with several models, name one in the X-Labbook-Model header); POST /v1/models/NAME/feedback {"id", "label"}; GET /v1/models/NAME (manifest), /ping, /health, /version, /metrics.

            An alias reference (NAME@production) follows the alias: a move (`labbook models promote`) is picked up within --poll seconds, or at once on SIGHUP, without dropping requests. SIGTERM shuts down gracefully.

            Examples:
              labbook serve income-classifier@production
              labbook serve income-classifier@production --port 9000 --log logs/
              labbook serve income-classifier@3 churn@staging --registry notebooks/.labbook/registry
              curl -s localhost:8080/v1/models/income-classifier/predict -H 'Content-Type: application/json' \\
                -d '{"rows": [{"age": 25, "workclass": "Private", ...}]}'
            """)

    @Argument(help: ArgumentHelp("Models to serve: NAME@ALIAS, NAME@VERSION or NAME (the latest version).", valueName: "model"))
    var models: [String]

    @OptionGroup var registryOptions: RegistryOptions

    @Option(name: .long, help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Append every prediction (and feedback) to DIR/predictions.jsonl.", valueName: "dir"))
    var log: String?

    @Option(name: .customLong("log-max-mb"), help: ArgumentHelp("Rotate the prediction log at this size.", valueName: "MB"))
    var logMaxMB = 64

    @Option(name: .customLong("log-keep"), help: ArgumentHelp("Rotated prediction logs to keep.", valueName: "count"))
    var logKeep = 5

    @Option(name: .customLong("max-body-kb"), help: ArgumentHelp("The largest request body accepted (413 above).", valueName: "KB"))
    var maxBodyKB = 1024

    @Option(name: .customLong("unseen-category"), help: ArgumentHelp("A category never seen in training: reject (400) or missing.", valueName: "reject|missing"))
    var unseenCategory = "reject"

    @Option(name: .long, help: ArgumentHelp("How often to check aliases for a move.", valueName: "seconds"))
    var poll = 2.0

    func validate() throws {
        guard !models.isEmpty else { throw ValidationError("name a model to serve, e.g. income-classifier@production") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard RowEncoderOptions.UnseenCategory(rawValue: unseenCategory) != nil else {
            throw ValidationError("--unseen-category is reject or missing; got \"\(unseenCategory)\"")
        }
        guard poll > 0, logMaxMB > 0, logKeep >= 0, maxBodyKB > 0 else {
            throw ValidationError("--poll, --log-max-mb and --max-body-kb must be positive, --log-keep at least 0")
        }
    }

    /// The server configuration these arguments describe.
    func serverConfiguration() throws -> ServerConfiguration {
        let references = try models.map(modelReference)
        var configuration = ServerConfiguration(models: references, registry: try registryOptions.open())
        configuration.host = host
        configuration.port = port
        configuration.logDirectory = log
        configuration.logMaxBytes = logMaxMB << 20
        configuration.logKeep = logKeep
        configuration.maxBodyBytes = maxBodyKB << 10
        configuration.unseenCategory = RowEncoderOptions.UnseenCategory(rawValue: unseenCategory) ?? .reject
        configuration.pollInterval = .milliseconds(Int64(poll * 1000))
        var logger = Logger(label: "labbook.serve")
        logger.logLevel = .notice
        configuration.logger = logger
        let shown = references.map(\.description).joined(separator: ", ")
        let address = "\(host):\(port)"
        configuration.onServerRunning = { bound in
            Terminal.error("serving \(shown) on http://\(address == "\(host):0" ? "\(host):\(bound)" : address)")
        }
        return configuration
    }

    func run() async throws {
        let configuration = try serverConfiguration()
        do {
            try await runServer(configuration: configuration)
        } catch let error as RegistryError {
            throw StoreFailure(error.description)
        }
    }
}
