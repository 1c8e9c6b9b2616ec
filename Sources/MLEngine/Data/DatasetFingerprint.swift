/// What identifies a dataset: the hash of its bytes and the hash of its schema.
///
/// Two loads with equal fingerprints read the same bytes into the same column
/// names and types. Each value reads `"sha256:<64 hex digits>"`.
public struct DatasetFingerprint: Sendable, Equatable, Hashable, Codable {
    /// `"sha256:<hex>"` of the file's bytes, exactly as stored (BOM included).
    public var content: String
    /// `"sha256:<hex>"` of one `"name:type\n"` line per column, in column order
    /// (`type` is `numeric` or `categorical`).
    public var schema: String

    /// Creates a fingerprint from already-computed hashes.
    public init(content: String, schema: String) {
        self.content = content
        self.schema = schema
    }

    /// The fingerprint of `frame` loaded from a file whose SHA-256 is `contentHex`.
    public init(contentHex: String, frame: DataFrame) {
        self.content = "sha256:" + contentHex
        self.schema = "sha256:" + Digest.sha256Hex(Self.schemaText(of: frame))
    }

    /// The fingerprint of the file bytes `bytes` parsed into `frame`.
    public init(bytes: [UInt8], frame: DataFrame) {
        self.init(contentHex: Digest.sha256Hex(bytes), frame: frame)
    }

    /// The text hashed into ``schema``: `"name:type\n"` per column.
    public static func schemaText(of frame: DataFrame) -> String {
        frame.columns.map { "\($0.name):\($0.type.rawValue)\n" }.joined()
    }
}
