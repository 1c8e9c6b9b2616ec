public import MLEngine
public import Logging

/// Everything `labbook serve` decides: which models, where they are, where to listen,
/// how strictly to check rows, where to log predictions.
///
/// ```swift
/// var configuration = ServerConfiguration(
///     models: [try ModelReference(parsing: "income-classifier@production")],
///     registry: ModelRegistry(root: ".labbook/registry"))
/// configuration.port = 8080
/// let app = try await buildApplication(configuration: configuration)
/// try await app.runService()
/// ```
public struct ServerConfiguration: Sendable {
    /// The models served; their names must differ.
    public var models: [ModelReference]
    /// The registry they are loaded from.
    public var registry: ModelRegistry
    /// The address to bind; `127.0.0.1` unless told otherwise.
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one (see ``onServerRunning``).
    public var port: Int = 8080
    /// The largest request body accepted (larger ones get 413).
    public var maxBodyBytes: Int = 1 << 20
    /// What a category never seen in training does.
    public var unseenCategory: RowEncoderOptions.UnseenCategory = .reject
    /// The folder of the prediction log (`predictions.jsonl`), or `nil` to keep none.
    public var logDirectory: String?
    /// The size at which the prediction log is rotated.
    public var logMaxBytes: Int = 64 << 20
    /// How many rotated logs are kept (`predictions.1.jsonl` is the newest).
    public var logKeep: Int = 5
    /// How often buffered log lines are written out.
    public var logFlushInterval: Duration = .milliseconds(500)
    /// How often alias files are checked for a move (a SIGHUP checks at once).
    public var pollInterval: Duration = .seconds(2)
    /// The server's logger (nothing is logged per request).
    public var logger: Logger = Logger(label: "labbook.serve")
    /// Called with the bound port once the server listens (useful with port 0).
    public var onServerRunning: @Sendable (Int) async -> Void = { _ in }

    /// A configuration serving `models` from `registry` on 127.0.0.1:8080.
    public init(models: [ModelReference], registry: ModelRegistry) {
        self.models = models
        self.registry = registry
    }
}
