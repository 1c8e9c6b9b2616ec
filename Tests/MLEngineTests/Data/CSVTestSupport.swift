import Foundation
@testable import MLEngine

/// Helpers shared by the CSV tests.
enum CSVTestSupport {
    static func parse(_ text: String, options: CSVOptions = .init()) throws(DataError) -> DataFrame {
        try CSVReader.parse(bytes: Array(text.utf8), displayName: "t.csv", options: options).frame
    }

    /// The error description produced by parsing `bytes`, or nil when parsing succeeds.
    static func error(_ bytes: [UInt8], options: CSVOptions = .init(), chunks: Int? = nil) -> String? {
        do {
            _ = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
                try CSVReader.parse(buffer: buffer, options: options, chunkCount: chunks)
            }
            return nil
        } catch {
            return DataError(file: "t.csv", line: error.line, message: error.message).description
        }
    }

    static func error(_ text: String, options: CSVOptions = .init()) -> String? {
        error(Array(text.utf8), options: options)
    }

    static func numeric(_ frame: DataFrame, _ name: String) -> [Double]? {
        guard case .numeric(let column)? = frame.column(named: name) else { return nil }
        return column.values
    }

    static func categorical(_ frame: DataFrame, _ name: String) -> CategoricalColumn? {
        guard case .categorical(let column)? = frame.column(named: name) else { return nil }
        return column
    }

    /// Values of a categorical column as optional strings (nil = missing).
    static func strings(_ frame: DataFrame, _ name: String) -> [String?]? {
        guard let column = categorical(frame, name) else { return nil }
        return column.codes.indices.map { column.value(at: $0) }
    }

    /// Equality that treats two NaNs as equal.
    static func sameValues(_ lhs: [Double]?, _ rhs: [Double]) -> Bool {
        guard let lhs, lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    /// A fresh file in the temporary directory holding `bytes`.
    static func temporaryFile(_ bytes: [UInt8], name: String = "data.csv") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}
