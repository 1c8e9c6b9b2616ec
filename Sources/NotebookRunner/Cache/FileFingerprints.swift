import Foundation
import MLEngine

/// Content fingerprints (`sha256:` of the bytes) of data files, memoised by
/// (path, size, mtime, ctime, inode) in `<cache>/fingerprints.json`, so a file nobody touched
/// is not read again.
///
/// A file modified within the last two seconds is hashed but not memoised: a write in the same
/// timestamp tick could otherwise go unnoticed.
final class FileFingerprints: @unchecked Sendable {
    /// What identifies a file's state without reading it.
    struct Stamp: Codable, Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
    }

    struct Memo: Codable, Sendable {
        var stamp: Stamp
        var fingerprint: String
    }

    private let memoPath: String
    private var memos: [String: Memo]
    private var dirty = false
    /// Every fingerprint given out this run, with the file state it belongs to, by absolute path.
    private(set) var observed: [String: Memo] = [:]

    /// Loads the memo file from `cacheRoot` (a missing or damaged one is an empty memo).
    init(cacheRoot: String) {
        memoPath = (cacheRoot as NSString).appendingPathComponent("fingerprints.json")
        let data = FileManager.default.contents(atPath: memoPath)
        memos = data.flatMap { try? JSONDecoder().decode([String: Memo].self, from: $0) } ?? [:]
    }

    /// The fingerprint of the file at `path` (made absolute), or `nil` when it cannot be read.
    func fingerprint(of path: String) -> String? {
        let absolute = Self.absolute(path)
        guard let stamp = Self.stamp(of: absolute) else { return nil }
        if let memo = memos[absolute], memo.stamp == stamp {
            observed[absolute] = memo
            return memo.fingerprint
        }
        guard let data = FileManager.default.contents(atPath: absolute) else { return nil }
        let fingerprint = "sha256:" + data.withUnsafeBytes { Digest.sha256Hex($0) }
        if Self.stamp(of: absolute) == stamp { observed[absolute] = Memo(stamp: stamp, fingerprint: fingerprint) }
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        if now - stamp.modified > 2_000_000_000, now - stamp.changed > 2_000_000_000 {
            memos[absolute] = Memo(stamp: stamp, fingerprint: fingerprint)
            dirty = true
        }
        return fingerprint
    }

    /// Writes the memo back when it changed (atomically; failures only cost speed).
    func save() {
        guard dirty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(memos) else { return }
        if (try? CacheFiles.writeAtomically(data, to: memoPath)) != nil { dirty = false }
    }

    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if os(Linux)
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #else
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #endif
        return Stamp(
            size: Int64(info.st_size),
            modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
            inode: UInt64(info.st_ino))
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }
}
