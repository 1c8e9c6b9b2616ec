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
}
