/// Reusable memory holding one byte range of a ``CSVSource``, followed by at least
/// ``padding`` zero bytes, so hot loops may load whole words at and past a field's
/// end without bounds checks (the zeros are never separators).
///
/// A window is reused chunk after chunk, so its pages are touched once per parse.
final class CSVWindow: @unchecked Sendable {
    /// Zero bytes guaranteed after the last byte.
    static let padding = 64

    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The source offset of the first byte.
    private(set) var start = 0
    /// Number of bytes held (the padding not included).
    private(set) var count = 0
    /// Whether the window ends where the source ends.
    private(set) var isFinal = true

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        // Left uninitialized: ``load(_:from:)`` writes every byte it exposes.
        base = .allocate(capacity: self.capacity + Self.padding)
        base.initialize(repeating: 0, count: Self.padding)
    }

    deinit {
        base.deallocate()
    }

    /// The held bytes (offsets in them are relative to ``start``).
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }

    /// The source offset just past the last byte.
    var end: Int { start + count }

    /// Replaces the contents by `range` of `source`.
    func load(_ range: Range<Int>, from source: CSVSource) throws(DataError) {
        if range.count > capacity {
            base.deallocate()
            capacity = max(range.count, capacity * 2)
            base = .allocate(capacity: capacity + Self.padding)
        }
        count = 0
        try source.copy(range, into: base)
        (base + range.count).initialize(repeating: 0, count: Self.padding)
        start = range.lowerBound
        count = range.count
        isFinal = range.upperBound >= source.count
    }
}
