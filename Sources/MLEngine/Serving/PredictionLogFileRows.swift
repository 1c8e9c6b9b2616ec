/// The prediction rows of one prediction-log file, column by column, in file order, with
/// the lines skipped and the values taken as missing (read by ``PredictionLogReader``).
struct PredictionLogFileRows {
    let file: String
    let sha256: String
    /// Per requested column: its values when numeric (otherwise empty).
    private(set) var numeric: [[Double]]
    /// Per requested column: its texts when categorical (otherwise empty), `nil` when missing.
    private(set) var texts: [[String?]]
    /// The file line of each row.
    private(set) var rowLines: [Int] = []
    private(set) var skipped: [PredictionLogSkippedLine] = []
    /// Values of the wrong kind: the row (index into the rows) and the column.
    private(set) var badValues: [(row: Int, column: Int)] = []
    /// Prediction lines of other models (a server serving several logs them all in one file).
    private(set) var otherModelLines = 0

    var rowCount: Int { rowLines.count }

    /// `model`, when given, keeps only the lines whose `model` is that name.
    init(bytes: [UInt8], file: String, columns: [(name: String, type: ColumnType)], model: String? = nil) {
        self.file = file
        sha256 = "sha256:" + Digest.sha256Hex(bytes)
        numeric = Array(repeating: [], count: columns.count)
        texts = Array(repeating: [], count: columns.count)
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var stop = end
            if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
            if stop > start {
                readLine(bytes[start..<stop], line: line, columns: columns, model: model)
            }
            start = end + 1
        }
    }

    private mutating func readLine(_ text: ArraySlice<UInt8>, line: Int, columns: [(name: String, type: ColumnType)], model: String?) {
        let parsed: Result<ServingValue, ServingJSONError> = text.withUnsafeBytes { raw in
            do throws(ServingJSONError) {
                return .success(try ServingJSON.parse(raw))
            } catch {
                return .failure(error)
            }
        }
        let object: ServingObject
        switch parsed {
        case .failure(let error):
            return skip(line, "not valid JSON (\(error.message) at byte \(error.offset + 1))")
        case .success(let value):
            guard let found = value.object else { return skip(line, "not a JSON object") }
            object = found
        }
        switch object["type"] {
        case .string("feedback"): return
        case .string("prediction"), nil: break
        case .string(let other): return skip(line, "unknown line type `\(other.prefix(40))`")
        default: return skip(line, "`type` is not a string")
        }
        if let model, case .string(let name)? = object["model"], name != model {
            otherModelLines += 1
            return
        }
        guard let features = object["features"]?.object else { return skip(line, "a prediction without a `features` object") }
        let row = rowLines.count
        rowLines.append(line)
        for (index, column) in columns.enumerated() {
            let value = features[column.name] ?? .null
            if column.type == .numeric {
                let number: Double?
                switch value {
                case .number(let x): number = x
                case .null: number = .nan
                case .string(let text): number = Double(text)
                default: number = nil
                }
                if number == nil { badValues.append((row, index)) }
                numeric[index].append(number ?? .nan)
            } else {
                let category: String?
                var bad = false
                switch value {
                case .string(let text): category = text
                case .null: category = nil
                case .number(let x):
                    var out: [UInt8] = []
                    ServingJSONWriter.write(x, into: &out)
                    category = String(decoding: out, as: UTF8.self)
                default:
                    category = nil
                    bad = true
                }
                if bad { badValues.append((row, index)) }
                texts[index].append(category)
            }
        }
    }

    private mutating func skip(_ line: Int, _ reason: String) {
        skipped.append(PredictionLogSkippedLine(file: file, line: line, reason: reason))
    }
}
