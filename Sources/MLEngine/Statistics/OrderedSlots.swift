import Foundation

/// Results of parallel work, each stored in its own slot and collected in slot order, so
/// the outcome does not depend on which thread finished first.
public final class OrderedSlots<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Element?]

    /// `count` empty slots.
    public init(count: Int) {
        slots = [Element?](repeating: nil, count: count)
    }

    /// Stores `element` in slot `index` (from any thread).
    public func store(_ element: Element, at index: Int) {
        lock.lock()
        slots[index] = element
        lock.unlock()
    }

    /// The stored elements in slot order (empty slots left out).
    public func collected() -> [Element] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
