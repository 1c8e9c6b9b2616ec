extension CSVReader {
    /// The column names of a CSV file's header row, reading no more than the header and the
    /// start of the data: what `labbook check` needs to verify the columns a notebook mentions.
    /// - Throws: ``DataError`` naming `displayName` (or `path`) for an unreadable or empty file,
    ///   a path that is not a regular file (a FIFO, a device, a directory), a broken header (invalid UTF-8, an unterminated quote, empty or duplicate names) or a
    ///   file without data rows, as ``read(path:displayName:options:)`` would.
    public static func header(path: String, displayName: String? = nil, options: CSVOptions = .init()) throws(DataError) -> [String] {
        do {
            return try CSVHeader.read(.file(CSVFile.open(path: path)), delimiter: options.delimiter).names
        } catch {
            throw DataError(file: displayName ?? path, line: error.line, message: error.message)
        }
    }
}
