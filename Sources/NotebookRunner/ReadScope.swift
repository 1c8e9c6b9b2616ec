import Foundation

/// The folders a notebook may read data from: its own folder tree, plus what the user allowed
/// with `--allow-read PATH`.
///
/// Paths are compared after resolving symbolic links, so `../../etc/passwd`, an absolute path
/// elsewhere and a symlink that leaves the tree are all outside. This keeps a shared notebook
/// from copying any readable file into a report.
struct ReadScope: Sendable {
    /// Canonical absolute folders (or files) that may be read.
    let roots: [String]

    init(notebookFolder: String, allowed: [String] = []) {
        roots = ([notebookFolder] + allowed).map(Self.canonical)
    }

    /// Why reading `path` (as written in the notebook) is refused.
    static func refusal(_ path: String) -> String {
        "`\(path)` is outside the notebook's folder; Labbook reads data only from there unless you pass `--allow-read PATH`"
    }

    /// Whether `path` (usable from the current folder) lies inside one of the roots.
    func permits(_ path: String) -> Bool {
        let target = Self.canonical(path)
        return roots.contains { root in root == "/" || target == root || target.hasPrefix(root + "/") }
    }

    /// The absolute path with symbolic links resolved and `.`/`..` removed.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        if realpath(absolute, &resolved) != nil {
            return resolved.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
        // A missing file: resolve its folder, keep its name.
        let folder = (absolute as NSString).deletingLastPathComponent
        guard folder != absolute else { return absolute }
        return (canonical(folder) as NSString).appendingPathComponent((absolute as NSString).lastPathComponent)
    }
}
