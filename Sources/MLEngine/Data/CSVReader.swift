/// Reads CSV files into a ``DataFrame``.
///
/// RFC 4180 with the usual extensions: quoted fields with `""` escapes and embedded
/// line breaks, CRLF / LF / CR line ends, a UTF-8 byte order mark, any single-byte
/// delimiter, blank lines skipped. Column types are inferred over the whole file: a
/// column is numeric when every non-missing value is a number, otherwise
/// categorical with categories in order of first appearance. Large files are read
/// and parsed in chunks by several threads (the file is never held whole in memory);
/// the result is identical to a single-threaded parse.
///
/// ```swift
/// let loaded = try CSVReader.read(path: "/abs/data/census.csv", displayName: "data/census.csv")
/// print(loaded.frame.rowCount, loaded.fingerprint.content)
/// ```
///
/// Every error is a ``DataError`` whose `file` is the display name and whose `line`
/// is the physical line in the file (header = line 1). A file that changes while it
/// is read gives an error, never a crash.
public enum CSVReader {
    /// Reads and parses the file at `path`, hashing its bytes (SHA-256) in the same pass.
    /// - Parameters:
    ///   - displayName: the name shown in errors (default: `path` as given).
    ///   - knownContentHash: the file's SHA-256 as 64 hex digits, when the caller already
    ///     knows it (e.g. memoised by size and modification time): the bytes are then not
    ///     hashed, and ``LoadedCSV/fingerprint`` carries this hash as given.
    public static func read(
        path: String, displayName: String? = nil, options: CSVOptions = .init(), knownContentHash: String? = nil
    ) throws(DataError) -> LoadedCSV {
        let name = displayName ?? path
        do {
            let file = try CSVFile.open(path: path)
            var loaded = try parse(source: .file(file), options: options, knownContentHex: knownContentHash)
            try file.checkUnchanged()
            for index in loaded.badValues.indices { loaded.badValues[index].file = name }
            return loaded
        } catch {
            throw DataError(file: name, line: error.line, message: error.message)
        }
    }

    /// Parses CSV text held in memory; `displayName` is the name shown in errors.
    public static func parse(bytes: [UInt8], displayName: String, options: CSVOptions = .init()) throws(DataError) -> LoadedCSV {
        do {
            var loaded = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
                try parse(buffer: buffer, options: options)
            }
            for index in loaded.badValues.indices { loaded.badValues[index].file = displayName }
            return loaded
        } catch {
            throw DataError(file: displayName, line: error.line, message: error.message)
        }
    }

    /// Parses `buffer`; errors carry an empty file name. `chunkCount` forces the
    /// number of chunks (tests compare chunked and single-chunk parses).
    static func parse(buffer: UnsafeBufferPointer<UInt8>, options: CSVOptions, chunkCount: Int? = nil) throws(DataError) -> LoadedCSV {
        try parse(source: .memory(buffer), options: options, chunkCount: chunkCount)
    }

    private static func parse(
        source: CSVSource, options: CSVOptions, chunkCount: Int? = nil, knownContentHex: String? = nil
    ) throws(DataError) -> LoadedCSV {
        let (frame, contentHex, badValues) = try CSVParse.run(
            source: source, options: options, chunkCount: chunkCount, knownContentHex: knownContentHex)
        return LoadedCSV(
            frame: frame, fingerprint: DatasetFingerprint(contentHex: contentHex, frame: frame), byteCount: source.count,
            badValues: badValues)
    }
}
