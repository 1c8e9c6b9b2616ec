/// A compact, exact binary form of a `DataFrame`, for caches.
///
/// Layout (all integers little-endian): the magic `LBDF`, a `UInt32` format version
/// (``binaryFormatVersion``), `UInt64` column and row counts, then per column a type byte
/// (0 numeric, 1 categorical) and its name; a numeric column stores `rows` IEEE-754 bit
/// patterns (so every `nan` payload survives), a categorical one its category count, the
/// categories and `rows` `UInt32` codes. Strings are a `UInt64` byte count and UTF-8.
///
/// ```swift
/// let bytes = frame.binaryEncoded()
/// let same = try DataFrame(binary: bytes)   // same == frame, bit for bit
/// ```
extension DataFrame {
    /// The version written by ``binaryEncoded()``; other versions are refused when decoding.
    public static let binaryFormatVersion: UInt32 = 1
    static let binaryMagic: [UInt8] = Array("LBDF".utf8)

    /// The frame in the binary form described on the extension.
    public func binaryEncoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes(Self.binaryMagic)
        writer.integer(Self.binaryFormatVersion)
        writer.integer(UInt64(columns.count))
        writer.integer(UInt64(rowCount))
        for column in columns {
            switch column {
            case .numeric(let numeric):
                writer.integer(UInt8(0))
                writer.string(numeric.name)
                writer.array(numeric.values.map(\.bitPattern))
            case .categorical(let categorical):
                writer.integer(UInt8(1))
                writer.string(categorical.name)
                writer.integer(UInt64(categorical.categories.count))
                for category in categorical.categories { writer.string(category) }
                writer.array(categorical.codes)
            }
        }
        return writer.buffer
    }

    /// Decodes bytes written by ``binaryEncoded()``.
    /// - Throws: ``DataError`` when the bytes are truncated, damaged or of another format version.
    public init(binary bytes: [UInt8]) throws(DataError) {
        var reader = BinaryReader(bytes)
        guard try reader.bytes(count: 4) == Self.binaryMagic else { throw BinaryReader.damaged("not a binary data frame") }
        let version: UInt32 = try reader.integer()
        guard version == Self.binaryFormatVersion else {
            throw BinaryReader.damaged("binary data frame format \(version) is not supported (expected \(Self.binaryFormatVersion))")
        }
        let columnCount = try reader.count()
        let rows = try reader.count()
        var columns: [Column] = []
        columns.reserveCapacity(min(columnCount, 4096))
        for _ in 0..<columnCount {
            let type: UInt8 = try reader.integer()
            let name = try reader.string()
            switch type {
            case 0:
                let bits: [UInt64] = try reader.array(count: rows)
                columns.append(.numeric(NumericColumn(name: name, values: bits.map(Double.init(bitPattern:)))))
            case 1:
                let categoryCount = try reader.count()
                var categories: [String] = []
                for _ in 0..<categoryCount { categories.append(try reader.string()) }
                let codes: [UInt32] = try reader.array(count: rows)
                guard codes.allSatisfy({ $0 == CategoricalColumn.missingCode || Int($0) < categoryCount }) else {
                    throw BinaryReader.damaged("a categorical code is out of range in column `\(name)`")
                }
                columns.append(.categorical(CategoricalColumn(name: name, codes: codes, categories: categories)))
            default:
                throw BinaryReader.damaged("unknown column type \(type)")
            }
        }
        guard reader.isAtEnd else { throw BinaryReader.damaged("trailing bytes after the last column") }
        self.init(columns: columns)
    }
}
