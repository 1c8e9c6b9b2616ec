public import Hummingbird
import Logging
import MLEngine
import NIOCore
import ServiceLifecycle

/// Builds the model server: loads every model of `configuration`, registers the routes and
/// the background services (alias polling and SIGHUP reload, the prediction log's flushes).
/// Tests run the result in process (`app.test(.router)`); `labbook serve` runs it with
/// `runService()`, which shuts down gracefully on SIGTERM and SIGINT.
///
/// Routes: `POST /v1/models/NAME/predict`, `POST /v1/models/NAME/feedback`, `GET /v1/models/NAME`,
/// `GET /v1/models`, `POST /invocations` (MLflow), `GET /ping`, `/health`, `/version`, `/metrics`.
/// - Throws: ``RegistryError`` when a model cannot be loaded, or a file error when the
///   prediction log's folder cannot be created.
public func buildApplication(configuration: ServerConfiguration) async throws -> Application<RouterResponder<BasicRequestContext>> {
    let catalog = try ModelCatalog(configuration: configuration)
    let metrics = ServingMetrics()
    let log = try configuration.logDirectory.map {
        try PredictionLog(directory: $0, maxBytes: configuration.logMaxBytes, keep: configuration.logKeep)
    }
    let handlers = ServingHandlers(
        catalog: catalog, metrics: metrics, log: log, ids: RequestIDs(), body: BodyReader(maxBytes: configuration.maxBodyBytes))
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: MetricsMiddleware<BasicRequestContext>(metrics: metrics))
    ServingRoutes.register(on: router, handlers: handlers, metrics: metrics)

    var services: [any Service] = [ModelReloadService(catalog: catalog, interval: configuration.pollInterval, logger: configuration.logger)]
    if let log { services.append(LogFlushService(log: log, interval: configuration.logFlushInterval)) }
    let onServerRunning = configuration.onServerRunning
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: configuration.logger)
}

/// Builds the server and runs it until SIGTERM or SIGINT, then shuts down gracefully
/// (requests in flight finish, the prediction log is flushed).
/// - Throws: as ``buildApplication(configuration:)``, or when the address cannot be bound.
public func runServer(configuration: ServerConfiguration) async throws {
    let app = try await buildApplication(configuration: configuration)
    try await app.runService()
}
