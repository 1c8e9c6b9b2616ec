import Foundation

import Glibc

/// Writes one run's report files (`NAME.html`, `NAME.md`, `NAME.run.json`) as one unit, so
/// that after a crash or `kill -9` at any moment they all come from the same run.
///
/// A write goes in four steps, everything rendered in memory beforehand:
/// 1. each file is written to `.NAME.EXT.labbook-tmpPID` in the output folder and fsynced;
/// 2. the journal `.NAME.labbook-commit` (listing temp → final renames) is written atomically;
/// 3. the renames are done back to back;
/// 4. the journal is removed.
///
/// Every write first calls ``recover()``, which completes a journal a killed run left behind
/// (the journal exists only once all its temps were complete, so its renames are rolled
/// forward; a temp already gone was already renamed) and deletes stale temps.
///
/// ```swift
/// let files = ReportFiles(directory: "reports", name: "income", extensions: ["html", "md", "run.json"])
/// let paths = try files.write([("html", html), ("md", markdown), ("run.json", manifest)])
/// ```
struct ReportFiles {
    /// The output folder, as the run names it (messages show paths under it).
    let directory: String
    /// The report name: the files are `NAME.EXT`.
    let name: String
    /// The extensions of the files of one unit, e.g. `html`, `md`, `run.json`. Only temps of
    /// these extensions count as this unit's.
    let extensions: [String]
    /// This process's id, which names its temps.
    var processID: Int32 = getpid()
    /// Whether the process with an id is alive; tests may replace it.
    var isAlive: (Int32) -> Bool = ReportFiles.processIsAlive

    /// Serialises writes within this process, so this process's own temps found by
    /// ``recover()`` are always leftovers of an earlier failed write.
    private static let lock = NSLock()

    private static let temporaryMarker = ".labbook-tmp"
    private static let journalExtension = "labbook-commit"
    private static let journalHeader = "labbook-commit 1 pid="

    /// The final path of the file with extension `ext`.
    func path(_ ext: String) -> String {
        (directory as NSString).appendingPathComponent("\(name).\(ext)")
    }

    /// The journal's path, `.NAME.labbook-commit`.
    var journalPath: String {
        (directory as NSString).appendingPathComponent(".\(name).\(Self.journalExtension)")
    }

    /// The file name of this process's temp for `ext`.
    func temporaryName(_ ext: String) -> String {
        ".\(name).\(ext)\(Self.temporaryMarker)\(processID)"
    }

    /// Writes `contents` (extension, text) as one unit and returns the final paths in order.
    ///
    /// - Throws: ``ReportWriteError`` naming the report file that could not be written.
    @discardableResult
    func write(_ contents: [(ext: String, text: String)]) throws(ReportWriteError) -> [String] {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        guard let first = contents.first else { return [] }
        if let code = Self.makeDirectories(directory) { throw ReportWriteError(path: path(first.ext), errno: code) }
        recoverLocked()
        var temporaries: [String] = []
        func discard() {
            for temporary in temporaries { unlink(file(temporary)) }
        }
        for (ext, text) in contents {
            let temporary = temporaryName(ext)
            temporaries.append(temporary)
            if let code = Self.writeDurably(Data(text.utf8), to: file(temporary)) {
                discard()
                throw ReportWriteError(path: path(ext), errno: code)
            }
        }
        let renames = zip(temporaries, contents).map { ($0, "\(name).\($1.ext)") }
        var journal = Self.journalHeader + "\(processID)\n"
        for (temporary, final) in renames { journal += "\(temporary)\t\(final)\n" }
        let journalTemporary = file(".\(name).\(Self.journalExtension)\(Self.temporaryMarker)\(processID)")
        if let code = Self.writeDurably(Data(journal.utf8), to: journalTemporary) ?? Self.rename(journalTemporary, journalPath) {
            unlink(journalTemporary)
            discard()
            throw ReportWriteError(path: path(first.ext), errno: code)
        }
        Self.syncDirectory(directory)
        var failure: ReportWriteError?
        for (index, (temporary, final)) in renames.enumerated() {
            if let code = Self.rename(file(temporary), file(final)), failure == nil {
                failure = ReportWriteError(path: path(contents[index].ext), errno: code)
            }
        }
        Self.syncDirectory(directory)
        unlink(journalPath)
        if let failure {
            discard()
            throw failure
        }
        return contents.map { path($0.ext) }
    }

    /// Completes a journal left by a killed run for this name (rolling its renames forward)
    /// and deletes stale temps: those whose process is no longer alive, and this process's
    /// own leftovers. A journal or temps of another live process are left alone.
    func recover() {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        recoverLocked()
    }

    private func recoverLocked() {
        if let text = try? String(contentsOfFile: journalPath, encoding: .utf8) {
            let lines = text.split(separator: "\n").map(String.init)
            let owner = lines.first.flatMap { line in
                line.hasPrefix(Self.journalHeader) ? Int32(line.dropFirst(Self.journalHeader.count)) : nil
            }
            if let owner, owner != processID, isAlive(owner) {
                // Another live run is committing right now.
            } else {
                if owner != nil {
                    for line in lines.dropFirst() {
                        let parts = line.split(separator: "\t").map(String.init)
                        guard parts.count == 2, parts.allSatisfy(isOwnFileName) else { continue }
                        if Self.exists(file(parts[0])) { _ = Self.rename(file(parts[0]), file(parts[1])) }
                    }
                    Self.syncDirectory(directory)
                }
                unlink(journalPath)
            }
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for entry in entries {
            guard let owner = temporaryOwner(entry) else { continue }
            if owner == processID || !isAlive(owner) { unlink(file(entry)) }
        }
    }

    /// The process id in a temp name of this unit (`.NAME.EXT.labbook-tmpPID`, or the journal's
    /// temp); `-1` for such a name with an unreadable id; `nil` for any other file.
    private func temporaryOwner(_ entry: String) -> Int32? {
        let prefix = ".\(name)."
        guard entry.hasPrefix(prefix), let marker = entry.range(of: Self.temporaryMarker, options: .backwards) else { return nil }
        let ext = String(entry[entry.index(entry.startIndex, offsetBy: prefix.count)..<marker.lowerBound])
        guard extensions.contains(ext) || ext == Self.journalExtension else { return nil }
        return Int32(entry[marker.upperBound...]) ?? -1
    }

    /// Whether a file name from a journal names one of this unit's files (never another folder).
    private func isOwnFileName(_ fileName: String) -> Bool {
        !fileName.contains("/") && fileName != "." && fileName != ".."
            && (temporaryOwner(fileName) != nil || extensions.contains { fileName == "\(name).\($0)" })
    }

    private func file(_ fileName: String) -> String {
        (directory as NSString).appendingPathComponent(fileName)
    }

    /// Whether the process `id` exists (signal 0 only checks).
    static func processIsAlive(_ id: Int32) -> Bool {
        guard id > 0 else { return false }
        return kill(id, 0) == 0 || errno == EPERM
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Creates `path` and its missing parents; the `errno` on failure (`ENOTDIR` when a
    /// regular file stands where a folder should be).
    private static func makeDirectories(_ path: String) -> Int32? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            var status = stat()
            if stat(prefix, &status) == 0 {
                if (status.st_mode & S_IFMT) != S_IFDIR { return ENOTDIR }
                continue
            }
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { return errno }
        }
        return nil
    }

    /// Writes `data` to `path` (created or truncated) and fsyncs it; the `errno` on failure.
    private static func writeDurably(_ data: Data, to path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure != nil { unlink(path) }
        return failure
    }

    private static func rename(_ from: String, _ to: String) -> Int32? {
        Glibc.rename(from, to) == 0 ? nil : errno
    }

    /// Makes renames in `directory` durable; folders that cannot be synced are left as they are.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
