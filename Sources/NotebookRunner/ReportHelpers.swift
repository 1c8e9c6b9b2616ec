import Foundation
import Reports

extension Table {
    /// A two-column table of labelled values.
    static func keyValue(title: String?, _ rows: [(String, TableCell)]) -> Table {
        Table(
            title: title, columns: [TableColumn("property"), TableColumn("value")],
            rows: rows.map { [.text($0.0), $0.1] })
    }
}

/// Small file-system helpers.
enum FileSystem {
    /// `path` as written in a notebook, made usable from the current directory: absolute paths
    /// stay, relative ones are relative to the notebook's folder `base`.
    static func resolve(_ path: String, relativeTo base: String) -> String {
        path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename,
    /// so readers never see a half-written file.
    static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw DirectiveError("cannot write \(path): \(String(cString: strerror(code)))")
        }
    }
}
