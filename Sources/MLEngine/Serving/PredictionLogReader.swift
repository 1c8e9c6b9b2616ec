import Foundation

/// Reads the model server's prediction log back as rows of features: what `monitor` compares
/// with the training data when the current data is what the server saw.
///
/// The log is JSON Lines in a folder: `predictions.jsonl` (being written), rotated to
/// `predictions.1.jsonl` (the newest full file) … `predictions.K.jsonl` (the oldest). Each
/// scored row is one line
/// `{"type":"prediction","id":…,"row":…,"time":…,"model":…,"version":…,"features":{…},"prediction":…}`;
/// `feedback` lines (true labels) are skipped. Rows come out oldest first.
///
/// ```swift
/// let log = try PredictionLogReader.read(
///     directory: "/srv/logs", displayName: "logs", columns: [("age", .numeric), ("city", .categorical)], last: 10_000)
/// print(log.frame.rowCount, log.skippedLines)
/// ```
///
/// A line that is not valid JSON, not an object, or a prediction without a `features` object
/// is skipped and counted (``PredictionLogData/skippedLines``, with the first one's place),
/// never fatal: a log cut off mid-line by a crash still reads. A feature value of the wrong
/// kind is missing and counted per column (``PredictionLogData/badValues``); an absent one is missing.
public enum PredictionLogReader {
    /// The file the server appends to.
    public static let fileName = "predictions.jsonl"

    /// The log's files present in `directory`, oldest first (`predictions.K.jsonl` …
    /// `predictions.1.jsonl`, then `predictions.jsonl`), as file names.
    /// - Throws: ``DataError`` naming `displayName` when the folder cannot be listed or holds no log.
    public static func files(in directory: String, displayName: String) throws(DataError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw DataError(file: displayName, message: "cannot list the prediction log folder")
        }
        var rotated: [(index: Int, name: String)] = []
        var hasCurrent = false
        for name in names {
            if name == fileName {
                hasCurrent = true
            } else if name.hasPrefix("predictions."), name.hasSuffix(".jsonl") {
                let middle = name.dropFirst("predictions.".count).dropLast(".jsonl".count)
                if let index = Int(middle), index > 0, String(index) == middle { rotated.append((index, name)) }
            }
        }
        let ordered = rotated.sorted { $0.index > $1.index }.map(\.name) + (hasCurrent ? [fileName] : [])
        guard !ordered.isEmpty else {
            throw DataError(file: displayName, message: "holds no prediction log (`\(fileName)`, written by `labbook serve --log`)")
        }
        return ordered
    }

    /// Reads the log in `directory` into a frame with `columns` (their names and types: the
    /// reference's features), oldest row first.
    /// - Parameters:
    ///   - displayName: the folder as shown to the user; files are named `displayName/FILE`.
    ///   - last: keep only the newest `last` rows (read from the newest file back, so older
    ///     files are not opened once the window is full); skipped lines and bad values are
    ///     counted within the window.
    ///   - model: keep only the predictions of the model of this registry name (a server
    ///     serving several models logs them all in one file); others are counted apart.
    public static func read(
        directory: String, displayName: String, columns: [(name: String, type: ColumnType)], last: Int? = nil,
        model: String? = nil
    ) throws(DataError) -> PredictionLogData {
        let names = try files(in: directory, displayName: displayName)
        let folder = displayName.hasSuffix("/") ? String(displayName.dropLast()) : displayName
        var parsed: [PredictionLogFileRows] = []
        var rows = 0
        for name in names.reversed() {
            let shown = folder.isEmpty ? name : folder + "/" + name
            let bytes: [UInt8]
            do {
                bytes = try Array(Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            } catch {
                // Rotated away between the listing and the read: the rows are in the next file.
                if !FileManager.default.fileExists(atPath: directory + "/" + name) { continue }
                throw DataError(file: shown, message: "cannot read the prediction log")
            }
            let file = PredictionLogFileRows(bytes: bytes, file: shown, columns: columns, model: model)
            rows += file.rowCount
            parsed.append(file)
            if let last, rows >= last { break }
        }
        parsed.reverse()
        // The window: drop the oldest rows beyond `last` from the oldest file read.
        var skip = last.map { max(rows - $0, 0) } ?? 0
        var data = PredictionLogData()
        var numeric = columns.map { $0.type == .numeric ? [Double]() : nil }
        var texts = columns.map { $0.type == .categorical ? [String?]() : nil }
        var bad = [(count: Int, first: (file: String, line: Int)?)](repeating: (0, nil), count: columns.count)
        for file in parsed {
            let start = min(skip, file.rowCount)
            skip -= start
            data.files.append(PredictionLogFile(path: file.file, sha256: file.sha256, rows: file.rowCount - start))
            data.otherModelLines += file.otherModelLines
            let firstLine = start < file.rowCount ? file.rowLines[start] : Int.max
            for skipped in file.skipped where start == 0 || skipped.line > firstLine {
                if data.firstSkipped == nil { data.firstSkipped = skipped }
                data.skippedLines += 1
            }
            for value in file.badValues where value.row >= start {
                if bad[value.column].first == nil { bad[value.column].first = (file.file, file.rowLines[value.row]) }
                bad[value.column].count += 1
            }
            for column in columns.indices {
                if columns[column].type == .numeric {
                    numeric[column]?.append(contentsOf: file.numeric[column][start...])
                } else {
                    texts[column]?.append(contentsOf: file.texts[column][start...])
                }
            }
        }
        var frameColumns: [Column] = []
        for (index, column) in columns.enumerated() {
            if let values = numeric[index] {
                frameColumns.append(.numeric(NumericColumn(name: column.name, values: values)))
            } else {
                frameColumns.append(.categorical(Self.encode(texts[index] ?? [], name: column.name)))
            }
            if let first = bad[index].first {
                data.badValues.append(BadValueCount(file: first.file, column: column.name, count: bad[index].count, firstLine: first.line))
            }
        }
        data.frame = DataFrame(columns: frameColumns)
        data.fingerprint = "sha256:" + Digest.sha256Hex(data.files.map { "\($0.path) \($0.sha256) \($0.rows)\n" }.joined())
        return data
    }

    /// Dictionary-encodes texts, categories in order of first appearance.
    private static func encode(_ texts: [String?], name: String) -> CategoricalColumn {
        var index: [String: UInt32] = [:]
        var categories: [String] = []
        var codes: [UInt32] = []
        codes.reserveCapacity(texts.count)
        for text in texts {
            guard let text else {
                codes.append(CategoricalColumn.missingCode)
                continue
            }
            if let code = index[text] {
                codes.append(code)
            } else {
                let code = UInt32(categories.count)
                index[text] = code
                categories.append(text)
                codes.append(code)
            }
        }
        return CategoricalColumn(name: name, codes: codes, categories: categories)
    }
}

/// What ``PredictionLogReader`` read: the rows as a frame, the files, what it skipped.
public struct PredictionLogData: Sendable {
    /// The rows, oldest first, with the requested columns.
    public var frame = DataFrame(columns: [])
    /// The files the rows came from, oldest first.
    public var files: [PredictionLogFile] = []
    /// Lines that were not prediction rows (not JSON, not an object, no `features`).
    public var skippedLines = 0
    /// The first skipped line: where it is and why.
    public var firstSkipped: PredictionLogSkippedLine?
    /// Per column, feature values of the wrong kind that were taken as missing.
    public var badValues: [BadValueCount] = []
    /// Prediction lines of other models, left out (in the files read).
    public var otherModelLines = 0
    /// `sha256:` over the files' names, hashes and row counts taken: what identifies this read.
    public var fingerprint = ""
}

/// One file of the prediction log that rows were taken from.
public struct PredictionLogFile: Sendable, Equatable {
    /// `FOLDER/predictions.N.jsonl`, as shown to the user.
    public var path: String
    /// `sha256:` of the file's bytes.
    public var sha256: String
    /// The rows taken from it (after the window).
    public var rows: Int
}

/// A line of the prediction log that was skipped.
public struct PredictionLogSkippedLine: Sendable, Equatable {
    /// The file, as shown to the user.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// Why, in plain language.
    public var reason: String

    /// `file:line: reason`.
    public var description: String { "\(file):\(line): \(reason)" }
}
