/// The result of reading a CSV file: the frame plus what identifies the data.
public struct LoadedCSV: Sendable, Equatable {
    /// The parsed columns.
    public var frame: DataFrame
    /// Hashes of the file's bytes and of the inferred schema.
    public var fingerprint: DatasetFingerprint
    /// The size of the file in bytes.
    public var byteCount: Int
    /// Per column, the values that were not numbers and were read as missing (only with
    /// ``CSVOptions/badNumbers`` set to `.missing`), in column order; empty when none.
    public var badValues: [BadValueCount]

    /// Creates a loaded file.
    public init(frame: DataFrame, fingerprint: DatasetFingerprint, byteCount: Int, badValues: [BadValueCount] = []) {
        self.frame = frame
        self.fingerprint = fingerprint
        self.byteCount = byteCount
        self.badValues = badValues
    }
}

