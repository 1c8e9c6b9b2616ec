import Foundation
import MLEngine

/// Where `monitor` (and `labbook monitor`) takes its current data from.
public enum CurrentSource: Sendable, Equatable {
    /// One CSV file.
    case file(String)
    /// Every `*.csv` in a folder, in sorted file-name order, as one dataset.
    case folder(String)
    /// The model server's prediction log in a folder, optionally only its newest `last` rows.
    case log(String, last: Int?)

    /// The path as the user wrote it.
    public var path: String {
        switch self {
        case .file(let path), .folder(let path), .log(let path, _): path
        }
    }
}

/// Current data read for a drift comparison: the frame and what it came from.
struct CurrentData: Sendable {
    var frame: DataFrame
    /// `sha256:` identifying the data (a file's content hash; for a folder or a log, a hash
    /// over its files' hashes).
    var fingerprint: String
    /// The files read, as shown to the user, with their `sha256:` content hashes.
    var files: [(path: String, fingerprint: String)]
    /// Per feature, values that were not of its type and were taken as missing (the first
    /// one's place in the first file that had one).
    var badValues: [BadValueCount]
    /// Prediction-log lines that were not rows, and the first of them.
    var skippedLines = 0
    var firstSkipped: PredictionLogSkippedLine?
    /// Prediction-log lines of other models, left out.
    var otherModelLines = 0
}

/// Reads current data as the reference was read: a CSV file, a folder of batch files or the
/// prediction log, each compared feature as the type it had in the reference, a bad value as
/// missing (counted, never fatal).
enum CurrentDataReader {
    /// - Parameters:
    ///   - resolve: the path as written → a path to open.
    ///   - options: the reference's CSV options, the features' types pinned.
    ///   - features: the compared features (a log's frame has exactly these columns).
    ///   - model: the registry name whose predictions a log is filtered to (`nil`: all).
    static func read(
        _ source: CurrentSource, resolve: (String) -> String, reference: DataFrame, features: [String], options: CSVOptions,
        model: String? = nil
    ) throws(DataError) -> CurrentData {
        var options = options
        options.badNumbers = .missing
        switch source {
        case .file(let path):
            let loaded = try CSVReader.read(path: resolve(path), displayName: path, options: options)
            return CurrentData(
                frame: loaded.frame, fingerprint: loaded.fingerprint.content, files: [(path, loaded.fingerprint.content)],
                badValues: loaded.badValues)
        case .folder(let path):
            return try readFolder(path, resolved: resolve(path), options: options)
        case .log(let path, let last):
            let columns = features.compactMap { name in reference.column(named: name).map { (name: name, type: $0.type) } }
            let log = try PredictionLogReader.read(
                directory: resolve(path), displayName: path, columns: columns, last: last, model: model)
            return CurrentData(
                frame: log.frame, fingerprint: log.fingerprint, files: log.files.map { ($0.path, $0.sha256) },
                badValues: log.badValues, skippedLines: log.skippedLines, firstSkipped: log.firstSkipped,
                otherModelLines: log.otherModelLines)
        }
    }

    /// The `*.csv` files of a folder, sorted by name, as `FOLDER/NAME` (as written) and resolved.
    static func batchFiles(_ path: String, resolved: String) throws(DataError) -> [(shown: String, resolved: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: resolved)
        } catch {
            throw DataError(file: path, message: "cannot list the folder")
        }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        let files = names.filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted().map {
            (shown: folder + "/" + $0, resolved: (resolved as NSString).appendingPathComponent($0))
        }
        guard !files.isEmpty else { throw DataError(file: path, message: "the folder holds no `.csv` files") }
        return files
    }

    /// Checks that every batch file has the first one's header: the first that differs is an
    /// error at its line 1.
    static func checkHeaders(_ files: [(shown: String, resolved: String)], options: CSVOptions) throws(DataError) {
        var first: [String]?
        for file in files {
            let header = try CSVReader.header(path: file.resolved, displayName: file.shown, options: options)
            guard let expected = first else {
                first = header
                continue
            }
            if header != expected {
                throw DataError(
                    file: file.shown, line: 1,
                    message: "the header (\(header.joined(separator: ", "))) differs from `\(files[0].shown)`'s "
                        + "(\(expected.joined(separator: ", "))); every batch file needs the same columns in the same order")
            }
        }
    }

    private static func readFolder(_ path: String, resolved: String, options: CSVOptions) throws(DataError) -> CurrentData {
        let files = try batchFiles(path, resolved: resolved)
        try checkHeaders(files, options: options)
        var loaded = try files.map { (file) throws(DataError) in
            try CSVReader.read(path: file.resolved, displayName: file.shown, options: options)
        }
        // A column inferred numeric in one batch and categorical in another is categorical, as
        // in one file holding every batch: read those columns again as text.
        let mixed = loaded[0].frame.columns.indices.filter { index in
            Set(loaded.map { $0.frame.columns[index].type }).count > 1
        }
        if !mixed.isEmpty {
            var textOptions = options
            for index in mixed { textOptions.columnTypes[loaded[0].frame.columns[index].name] = .categorical }
            loaded = try files.map { (file) throws(DataError) in
                try CSVReader.read(path: file.resolved, displayName: file.shown, options: textOptions)
            }
        }
        var frame = DataFrame(columns: [])
        for (index, part) in loaded.enumerated() {
            do {
                frame = try frame.appending(part.frame)
            } catch {
                throw DataError(file: files[index].shown, message: error.message)
            }
        }
        var bad: [BadValueCount] = []
        for part in loaded {
            for value in part.badValues {
                if let index = bad.firstIndex(where: { $0.column == value.column }) {
                    bad[index].count += value.count
                } else {
                    bad.append(value)
                }
            }
        }
        let listing = zip(files, loaded).map { "\($0.0.shown) \($0.1.fingerprint.content)\n" }.joined()
        return CurrentData(
            frame: frame, fingerprint: "sha256:" + Digest.sha256Hex(listing),
            files: zip(files, loaded).map { ($0.0.shown, $0.1.fingerprint.content) }, badValues: bad)
    }
}
