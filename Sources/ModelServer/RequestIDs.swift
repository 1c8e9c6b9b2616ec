import Foundation
import Synchronization

/// Request ids unique across restarts: the server's start time in hex, then a counter
/// (`18c2f3a1b-42`).
final class RequestIDs: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        prefix = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 16)
    }

    func next() -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(number)
    }
}
