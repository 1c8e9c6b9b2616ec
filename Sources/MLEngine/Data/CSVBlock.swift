/// Field boundaries of up to ``capacity`` records, stored column by column, so the
/// conversion that follows can run one column at a time (its dictionary and output
/// stay in cache) instead of hopping between columns at every field.
///
/// Each field is one packed word: its offset from ``origin`` (32 bits), its length
/// (30 bits) and two flags. Fields that needed unescaping (`""` inside quotes) are
/// copied to a side buffer and their offset is into that buffer.
final class CSVBlock {
    static let defaultCapacity = 1024
    /// A field flag: the field was quoted.
    static let quotedFlag: UInt8 = 1
    /// A field flag: the field's bytes are in the side buffer.
    static let sideFlag: UInt8 = 2

    let columnCount: Int
    let capacity: Int
    /// Distance between two columns' cells: the capacity plus three cache lines, so
    /// the columns written side by side for each record do not all map to the same
    /// cache sets (a power-of-two stride would make them evict each other).
    let stride: Int
    /// The largest field length a cell can hold.
    static let maximumFieldLength = (1 << 30) - 1

    /// Number of complete records held.
    var rows = 0
    /// The buffer offset that cell offsets are relative to (the first record's start).
    private(set) var origin = 0
    let cells: UnsafeMutablePointer<UInt64>
    /// Per record: the offset where it starts and the line it starts on.
    let rowStarts: UnsafeMutablePointer<Int>
    let rowLines: UnsafeMutablePointer<Int>
    /// Per-column conversion output for one block, reused.
    let valueScratch: UnsafeMutablePointer<Double>
    let codeScratch: UnsafeMutablePointer<UInt32>
    /// Per-row decimal scale (a power of ten to divide by) for the numeric pass.
    let scaleScratch: UnsafeMutablePointer<UInt8>
    private(set) var side: UnsafeMutablePointer<UInt8>
    private(set) var sideCount = 0
    private var sideCapacity = 256

    /// Rows per block for `columns` columns: ``defaultCapacity``, fewer for wide
    /// files so that the cells stay about a megabyte.
    static func capacity(columns: Int) -> Int {
        max(16, min(defaultCapacity, (1 << 17) / max(columns, 1)))
    }

    init(columnCount: Int, capacity: Int? = nil) {
        self.columnCount = columnCount
        let capacity = capacity ?? Self.capacity(columns: columnCount)
        self.capacity = capacity
        stride = capacity + 24
        let cells = max(columnCount, 1) * stride
        self.cells = .allocate(capacity: cells)
        rowStarts = .allocate(capacity: capacity)
        rowLines = .allocate(capacity: capacity)
        valueScratch = .allocate(capacity: capacity)
        codeScratch = .allocate(capacity: capacity)
        scaleScratch = .allocate(capacity: capacity)
        side = .allocate(capacity: sideCapacity + CSVWindow.padding)
        side.initialize(repeating: 0, count: sideCapacity + CSVWindow.padding)
    }

    deinit {
        cells.deallocate()
        rowStarts.deallocate()
        rowLines.deallocate()
        valueScratch.deallocate()
        codeScratch.deallocate()
        scaleScratch.deallocate()
        side.deallocate()
    }

    func reset(origin: Int) {
        self.origin = origin
        rows = 0
        sideCount = 0
    }

    /// Appends quoted content to the side buffer with each `""` turned into `"`, and
    /// returns where it starts; ``sideCount`` is then its end. At least
    /// ``CSVWindow/padding`` readable bytes always follow ``sideCount``.
    func appendSideUnescaped(_ content: UnsafeBufferPointer<UInt8>) -> Int {
        if sideCount + content.count > sideCapacity {
            var capacity = sideCapacity * 2
            while capacity < sideCount + content.count { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + CSVWindow.padding)
            grown.initialize(repeating: 0, count: capacity + CSVWindow.padding)
            grown.update(from: side, count: sideCount)
            side.deallocate()
            side = grown
            sideCapacity = capacity
        }
        let start = sideCount
        CSVScanner.unescape(content) { byte in
            side[sideCount] = byte
            sideCount += 1
        }
        return start
    }

    /// The bytes of one field. `start` is the buffer's base address plus ``origin``;
    /// `side` is ``side`` (passed in so the hot loop reads no class property).
    @inline(__always)
    static func field(
        _ cells: UnsafeMutablePointer<UInt64>, _ index: Int, start: UnsafePointer<UInt8>, side: UnsafePointer<UInt8>
    ) -> (bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        let cell = cells[index]
        let flag = UInt8(truncatingIfNeeded: cell) & 3
        let offset = Int(truncatingIfNeeded: cell >> 32)
        let length = Int(truncatingIfNeeded: (cell & 0xFFFF_FFFF) >> 2)
        let first = flag & sideFlag != 0 ? side + offset : start + offset
        return (UnsafeBufferPointer(start: first, count: length), flag & quotedFlag != 0)
    }

    /// Packs a field into a cell.
    @inline(__always)
    static func cell(offset: Int, length: Int, flags: UInt8) -> UInt64 {
        UInt64(truncatingIfNeeded: offset) << 32 | UInt64(truncatingIfNeeded: length) << 2 | UInt64(flags)
    }
}
