import Foundation

/// Results of features measured in parallel, kept in feature order.
final class FeatureDriftSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [FeatureDrift?]

    init(count: Int) {
        results = [FeatureDrift?](repeating: nil, count: count)
    }

    func store(_ result: FeatureDrift, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func collected() -> [FeatureDrift] {
        lock.lock()
        defer { lock.unlock() }
        return results.compactMap { $0 }
    }
}
