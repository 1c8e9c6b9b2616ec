import Foundation
import MLEngine

/// The directive cache on disk, `<state>/cache/`:
///
/// ```
/// objects/<sha256>          content-addressed bytes (report outputs, frames, models)
/// entries/<key hex>.json    one CacheEntry per directive key
/// latest/<path hash>.json   the keys of each notebook's latest run (for `cache clean`)
/// fingerprints.json         memoised data-file fingerprints
/// ```
///
/// Every write is atomic; a missing or damaged file reads as absent (a cache miss), never
/// as an error.
struct CacheStore: Sendable {
    let root: String

    init(root: String) {
        self.root = root
    }

    /// The cache folder inside a state folder.
    init(stateDirectory: String) {
        self.init(root: (stateDirectory as NSString).appendingPathComponent("cache"))
    }

    var objectsFolder: String { root + "/objects" }
    var entriesFolder: String { root + "/entries" }
    var latestFolder: String { root + "/latest" }

    // MARK: objects

    /// Stores `data` under its SHA-256 and returns that hash; an intact copy is kept, a
    /// damaged one replaced.
    @discardableResult
    func put(_ data: Data) throws -> String {
        let hash = data.withUnsafeBytes { Digest.sha256Hex($0) }
        let path = objectsFolder + "/" + hash
        if CacheFiles.size(of: path) != Int64(data.count) || object(hash) == nil {
            try CacheFiles.writeAtomically(data, to: path)
        }
        return hash
    }

    /// Stores `frame` in its binary form, written in chunks straight to a temporary file that
    /// is hashed as it is written and then renamed to its hash (so a large frame is never
    /// encoded whole in memory); returns the hash.
    @discardableResult
    func put(_ frame: DataFrame) throws -> String {
        try FileManager.default.createDirectory(atPath: objectsFolder, withIntermediateDirectories: true)
        let temporary = objectsFolder + "/.tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let hash: String
        do {
            hash = try frame.writeBinary(toFile: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw DirectiveError("cannot write \(temporary): \(error.message)")
        }
        let path = objectsFolder + "/" + hash
        if rename(temporary, path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw DirectiveError("cannot write \(path): \(String(cString: strerror(code)))")
        }
        return hash
    }

    /// The object `hash`, or `nil` when it is missing or its bytes no longer match the hash.
    func object(_ hash: String) -> Data? {
        guard Self.isHex(hash), let data = FileManager.default.contents(atPath: objectsFolder + "/" + hash) else { return nil }
        guard data.withUnsafeBytes({ Digest.sha256Hex($0) }) == hash else { return nil }
        return data
    }

    // MARK: entries

    /// The entry for `key`, or `nil` when absent, damaged or of another format.
    func entry(_ key: String) -> CacheEntry? {
        guard let path = entryPath(key), let data = FileManager.default.contents(atPath: path),
            let entry = try? CacheFiles.decoder().decode(CacheEntry.self, from: data),
            entry.formatVersion == CacheEntry.currentFormat, entry.key == key
        else { return nil }
        return entry
    }

    func write(_ entry: CacheEntry) throws {
        guard let path = entryPath(entry.key) else { throw DirectiveError("not a cache key: \(entry.key)") }
        try CacheFiles.writeAtomically(try CacheFiles.encoder().encode(entry), to: path)
    }

    func entryPath(_ key: String) -> String? {
        guard key.hasPrefix("sha256:"), Self.isHex(String(key.dropFirst(7))) else { return nil }
        return entriesFolder + "/" + key.dropFirst(7) + ".json"
    }

    // MARK: latest runs

    /// What a notebook's latest run used.
    struct LatestRun: Codable, Sendable {
        var notebook: String
        var keys: [String]
    }

    /// Records the keys of `notebook`'s latest run (the path is made absolute).
    func recordLatest(notebook: String, keys: [String]) throws {
        let absolute = FileFingerprints.absolute(notebook)
        let data = try CacheFiles.encoder().encode(LatestRun(notebook: absolute, keys: keys))
        try CacheFiles.writeAtomically(data, to: latestPath(notebook: absolute))
    }

    func latestPath(notebook absolute: String) -> String {
        latestFolder + "/" + Digest.sha256Hex(absolute) + ".json"
    }

    /// Every latest-run record, by file path.
    func latestRuns() -> [(file: String, run: LatestRun)] {
        Self.files(in: latestFolder).compactMap { file in
            guard let data = FileManager.default.contents(atPath: file),
                let run = try? CacheFiles.decoder().decode(LatestRun.self, from: data)
            else { return nil }
            return (file, run)
        }
    }

    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { folder + "/" + $0 }
    }

    static func isHex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
