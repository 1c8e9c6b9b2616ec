import Foundation

/// Every path one run of a notebook uses, computed once from what the user typed.
///
/// Reports, the run store, the cache and `labbook runs` all read these values, so a notebook
/// named `./notebooks/income.md` and `notebooks/income.md` is the same notebook everywhere.
///
/// ```swift
/// let paths = NotebookPaths(notebook: "./notebooks/income.md", outputDirectory: "reports")
/// paths.displayPath   // "notebooks/income.md"
/// paths.manifestPath  // "reports/income.run.json"
/// ```
public struct NotebookPaths: Sendable, Equatable {
    /// The notebook path as given (usable from the current folder).
    public let notebook: String
    /// The notebook as reports and the run store show it: relative to the current folder,
    /// without `./`, `//` or `a/../` (see `displayPath(for:)`).
    public let displayPath: String
    /// The notebook's folder; data paths in the notebook are relative to it.
    public let baseDirectory: String
    /// The state folder (`--state`, else `.labbook` beside the notebook).
    public let stateDirectory: String
    /// Where the reports go (`--out`).
    public let outputDirectory: String
    /// The reports' base name: `income`, or `income--max_depth=4` for one run of a sweep.
    public let reportName: String

    /// `NAME.run.json`: the provenance manifest's file name, as the reports link it.
    public var manifestName: String { reportName + ".run.json" }
    public var htmlPath: String { join(outputDirectory, reportName + ".html") }
    public var markdownPath: String { join(outputDirectory, reportName + ".md") }
    public var manifestPath: String { join(outputDirectory, manifestName) }
    /// The report files in the order they are written: HTML, Markdown, manifest.
    public var reportFiles: [String] { [htmlPath, markdownPath, manifestPath] }
    /// The notebook's name without folder and extension (`income`).
    public var notebookName: String { Self.stem(notebook) }

    public init(notebook: String, outputDirectory: String = "reports", stateDirectory: String? = nil, reportName: String? = nil) {
        self.notebook = notebook
        displayPath = Self.displayPath(for: notebook)
        let base = (notebook as NSString).deletingLastPathComponent
        baseDirectory = base.isEmpty ? "." : base
        self.stateDirectory = stateDirectory ?? (baseDirectory as NSString).appendingPathComponent(".labbook")
        self.outputDirectory = outputDirectory
        self.reportName = reportName ?? Self.stem(notebook)
    }

    /// The paths of `options`' notebook.
    public init(_ options: RunOptions) {
        self.init(
            notebook: options.notebookPath, outputDirectory: options.outputDirectory,
            stateDirectory: options.stateDirectory, reportName: options.reportName)
    }

    /// The same notebook's paths for another report name (one run of a sweep).
    public func renamed(_ reportName: String) -> NotebookPaths {
        NotebookPaths(notebook: notebook, outputDirectory: outputDirectory, stateDirectory: stateDirectory, reportName: reportName)
    }

    /// A path as reports show it, never absolute: an absolute path inside the current folder
    /// becomes relative to it, one elsewhere becomes its file name; `.` components, repeated
    /// slashes and `name/..` pairs are removed (`./notebooks//x/../income.md` → `notebooks/income.md`).
    public static func displayPath(for path: String, currentDirectory: String? = nil) -> String {
        if path.hasPrefix("/") {
            let currentDirectory = currentDirectory ?? FileManager.default.currentDirectoryPath
            let current = normalized(currentDirectory, absolute: true)
            let absolute = normalized(path, absolute: true)
            let prefix = current == "/" ? "/" : current + "/"
            if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
            return (absolute as NSString).lastPathComponent
        }
        return normalized(path, absolute: false)
    }

    private static func normalized(_ path: String, absolute: Bool) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    private static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private func join(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
