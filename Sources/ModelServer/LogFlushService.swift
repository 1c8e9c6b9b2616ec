import ServiceLifecycle

/// Writes the prediction log's buffer out on a timer, and a last time on shutdown.
struct LogFlushService: Service {
    let log: PredictionLog
    let interval: Duration

    func run() async throws {
        let log = log
        let interval = interval
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { break }
                log.flush()
            }
        }
        log.flush()
    }
}
