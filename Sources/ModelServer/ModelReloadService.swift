import Logging
import ServiceLifecycle
import UnixSignals

/// Watches the served references: every ``ServerConfiguration/pollInterval`` and on SIGHUP
/// it swaps in a model whose alias moved (see ``ModelSlot/reloadIfMoved()``).
struct ModelReloadService: Service {
    let catalog: ModelCatalog
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let catalog = catalog
        let logger = logger
        let interval = interval
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in await UnixSignalsSequence(trapping: .sighup) {
                        logger.notice("SIGHUP: checking the served models")
                        catalog.reloadAll(logger: logger)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        do { try await Task.sleep(for: interval) } catch { return }
                        catalog.reloadAll(logger: logger)
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
    }
}
