import Foundation

/// What `labbook cache clean` removed and kept.
public struct CacheCleanResult: Sendable, Equatable {
    /// Cache entries (one per directive key) removed.
    public var removedEntries = 0
    /// Content-addressed objects removed.
    public var removedObjects = 0
    /// Bytes freed on disk.
    public var freedBytes: Int64 = 0
    /// Entries kept because a latest run uses them.
    public var keptEntries = 0

    public init() {}
}

/// Pruning the directive cache (`<state>/cache/`).
///
/// ```swift
/// let state = CacheMaintenance.stateDirectory(forNotebook: "notebooks/income.md")
/// let result = CacheMaintenance.clean(stateDirectory: state, keeping: ["notebooks/income.md"])
/// ```
public enum CacheMaintenance {
    /// The state folder a notebook's runs use: `override`, or `.labbook` beside the notebook.
    public static func stateDirectory(forNotebook path: String, override: String? = nil) -> String {
        if let override { return override }
        let base = (path as NSString).deletingLastPathComponent
        return ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(".labbook")
    }

    /// Removes every entry and object not used by the latest run of `notebooks` (or, when
    /// `notebooks` is `nil`, of every notebook with a recorded run that still exists).
    public static func clean(stateDirectory: String, keeping notebooks: [String]?) -> CacheCleanResult {
        let store = CacheStore(stateDirectory: stateDirectory)
        let wanted = notebooks.map { Set($0.map(FileFingerprints.absolute)) }
        var keep = Set<String>()
        var result = CacheCleanResult()
        for (file, run) in store.latestRuns() {
            let kept = wanted.map { $0.contains(run.notebook) } ?? FileManager.default.fileExists(atPath: run.notebook)
            if kept { keep.formUnion(run.keys) } else { remove(file, into: &result) }
        }
        var liveObjects = Set<String>()
        for file in CacheStore.files(in: store.entriesFolder) {
            let name = (file as NSString).lastPathComponent
            let key = "sha256:" + (name as NSString).deletingPathExtension
            if keep.contains(key), let entry = store.entry(key) {
                liveObjects.formUnion(entry.objects)
                result.keptEntries += 1
            } else {
                remove(file, into: &result)
                result.removedEntries += name.hasPrefix(".tmp-") ? 0 : 1
            }
        }
        for file in CacheStore.files(in: store.objectsFolder) where !liveObjects.contains((file as NSString).lastPathComponent) {
            remove(file, into: &result)
            result.removedObjects += 1
        }
        return result
    }

    /// Removes the whole cache folder of `stateDirectory`.
    public static func removeAll(stateDirectory: String) -> CacheCleanResult {
        let store = CacheStore(stateDirectory: stateDirectory)
        var result = CacheCleanResult()
        result.removedEntries = CacheStore.files(in: store.entriesFolder).count
        result.removedObjects = CacheStore.files(in: store.objectsFolder).count
        result.freedBytes = diskUsage(store.root)
        try? FileManager.default.removeItem(atPath: store.root)
        return result
    }

    private static func remove(_ path: String, into result: inout CacheCleanResult) {
        let size = CacheFiles.size(of: path)
        if (try? FileManager.default.removeItem(atPath: path)) != nil { result.freedBytes += size }
    }

    private static func diskUsage(_ folder: String) -> Int64 {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var total: Int64 = 0
        while let relative = enumerator.nextObject() as? String {
            total += CacheFiles.size(of: folder + "/" + relative)
        }
        return total
    }
}
