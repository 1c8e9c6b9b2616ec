/// The data-file fingerprints a run computed or found memoised while it planned its cache
/// keys, each with the file state (size, times, inode) it belongs to, so that a directive
/// reading the file can reuse the hash instead of hashing the bytes a second time.
struct KnownFingerprints: Sendable {
    /// By absolute path.
    var files: [String: FileFingerprints.Memo] = [:]

    /// The known SHA-256 (64 hex digits) of the file at `path` with the state it was hashed
    /// in, or `nil` when it is unknown or the file has changed since.
    func current(_ path: String) -> (hex: String, stamp: FileFingerprints.Stamp)? {
        let absolute = FileFingerprints.absolute(path)
        guard let memo = files[absolute], memo.fingerprint.hasPrefix("sha256:"),
            FileFingerprints.stamp(of: absolute) == memo.stamp
        else { return nil }
        return (String(memo.fingerprint.dropFirst(7)), memo.stamp)
    }
}
