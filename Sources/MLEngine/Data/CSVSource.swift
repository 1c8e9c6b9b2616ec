/// Where a parse reads its bytes: memory the caller owns, or an open file.
enum CSVSource: @unchecked Sendable {
    case memory(UnsafeBufferPointer<UInt8>)
    case file(CSVFile)

    /// The total number of bytes.
    var count: Int {
        switch self {
        case .memory(let buffer): buffer.count
        case .file(let file): file.size
        }
    }

    /// Copies `range` into `destination`.
    func copy(_ range: Range<Int>, into destination: UnsafeMutablePointer<UInt8>) throws(DataError) {
        guard !range.isEmpty else { return }
        switch self {
        case .memory(let buffer):
            guard let base = buffer.baseAddress else { return }
            destination.update(from: base + range.lowerBound, count: range.count)
        case .file(let file):
            try file.read(into: destination, count: range.count, at: range.lowerBound)
        }
    }
}
