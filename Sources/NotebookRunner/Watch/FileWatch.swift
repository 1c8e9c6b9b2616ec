import Foundation

/// Notices when watched files change, by polling their modification time, size and inode.
///
/// ```swift
/// var watch = FileWatch(paths: ["notebooks/income.md", "data/adult.csv"])
/// while true {
///     Thread.sleep(forTimeInterval: 0.3)
///     if !watch.poll().isEmpty { rerun() }
/// }
/// ```
public struct FileWatch: Sendable {
    /// What identifies one version of a file; `nil` stamps mean the file is missing.
    struct Stamp: Sendable, Equatable {
        var modified: Double
        var size: Int
        var inode: UInt64
    }

    /// The watched paths, in the order given.
    public private(set) var paths: [String]
    private var stamps: [String: Stamp?]

    /// Starts watching `paths` (duplicates ignored) from their current state.
    public init(paths: [String]) {
        var unique: [String] = []
        for path in paths where !unique.contains(path) { unique.append(path) }
        self.paths = unique
        self.stamps = Dictionary(uniqueKeysWithValues: unique.map { ($0, Self.stamp($0)) })
    }

    /// Also watches `paths` not yet watched, from their current state.
    public mutating func add(_ newPaths: [String]) {
        for path in newPaths where !paths.contains(path) {
            paths.append(path)
            stamps[path] = .some(Self.stamp(path))
        }
    }

    /// The paths that changed (appeared, vanished, or were modified) since the last poll.
    public mutating func poll() -> [String] {
        var changed: [String] = []
        for path in paths {
            let now = Self.stamp(path)
            if stamps[path] != .some(now) {
                changed.append(path)
                stamps[path] = .some(now)
            }
        }
        return changed
    }

    static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        return Stamp(modified: modified, size: size, inode: inode)
    }
}

extension Runner {
    /// The files `labbook watch` follows after `outcome`: the notebook, a `--params` file, the
    /// data files the notebook names (`load`'s `from`, `monitor`'s `current`), and every data
    /// file the run read.
    public static func watchedFiles(_ options: RunOptions, after outcome: RunOutcome) -> [String] {
        var paths = [options.notebookPath] + (options.parameterFile.map { [$0] } ?? [])
        if case .success(let plan) = makePlan(options) {
            let context = PlanContext(baseDirectory: NotebookPaths(options).baseDirectory)
            for step in plan.steps { paths += step.directive.dataFiles.map(context.resolve) }
        }
        for path in outcome.filesRead where !paths.contains(path) { paths.append(path) }
        return paths
    }
}
