import Foundation
import MLEngine

/// The binary form of a split's row indices in the cache: a `UInt64` count, then the indices
/// as little-endian `Int64`s.
enum RowIndices {
    static func encode(_ rows: [Int]) -> Data {
        var writer = BinaryWriter()
        writer.integer(UInt64(rows.count))
        writer.array(rows.map { Int64($0) })
        return Data(writer.buffer)
    }

    /// The indices, or `nil` when the bytes are damaged or an index is outside `0..<rowCount`.
    static func decode(_ data: Data, rowCount: Int) -> [Int]? {
        var reader = BinaryReader([UInt8](data))
        guard let count = try? reader.count(), let values: [Int64] = try? reader.array(count: count), reader.isAtEnd,
            values.allSatisfy({ $0 >= 0 && $0 < rowCount })
        else { return nil }
        return values.map { Int($0) }
    }
}
