import Foundation
import MLEngine

/// The CSV `labbook predict` writes.
enum PredictionCSV {
    static func render(_ result: CSVScoring.Result) -> String {
        let scored = result.scored
        var header = result.keptColumns
        header.append("prediction")
        switch scored.task {
        case .binary: header.append("probability")
        case .multiclass: header.append(contentsOf: scored.classes.map { "probability_\($0)" })
        case .regression: break
        }
        var lines = [header.map(quote).joined(separator: ",")]
        lines.reserveCapacity(scored.rows + 1)
        for row in 0..<scored.rows {
            var fields = result.keptValues.map { $0[row].map(quote) ?? "" }
            if let label = scored.label(ofRow: row) {
                fields.append(quote(label))
                fields.append(contentsOf: (0..<scored.width).map { String(scored.outputs[row * scored.width + $0]) })
            } else {
                fields.append(String(scored.outputs[row]))
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw StoreFailure("cannot write \(path): \(reason)")
            }
        } catch let failure as StoreFailure {
            throw failure
        } catch {
            throw StoreFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
