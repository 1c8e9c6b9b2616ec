import Foundation

/// The process that runs a run, identified well enough to tell later whether it is still alive.
///
/// A `running` row is reported as `interrupted` when its process is gone. On Linux the check
/// is exact: the row holds the kernel's boot id and the process's start time (clock ticks
/// since boot, `/proc/PID/stat` field 22), so a reboot or a recycled process id is seen as
/// "gone". Elsewhere it falls back to `kill(pid, 0)`.
public struct RunProcess: Sendable, Equatable {
    /// The process id.
    public var pid: Int32
    /// `/proc/sys/kernel/random/boot_id` when the run started (empty when unknown).
    public var bootID: String
    /// The process's start time in clock ticks since boot (0 when unknown).
    public var startTicks: Int64

    /// Creates a process identity.
    public init(pid: Int32, bootID: String = "", startTicks: Int64 = 0) {
        self.pid = pid
        self.bootID = bootID
        self.startTicks = startTicks
    }

    /// This process.
    public static var current: RunProcess {
        let pid = getpid()
        return RunProcess(pid: pid, bootID: currentBootID, startTicks: startTicks(of: pid) ?? 0)
    }

    /// Whether the process still runs (and is the same process, not a recycled id).
    public var isAlive: Bool {
        let boot = Self.currentBootID
        if !bootID.isEmpty, !boot.isEmpty, boot != bootID { return false }
        if kill(pid, 0) != 0, errno == ESRCH { return false }
        if startTicks != 0, let ticks = Self.startTicks(of: pid), ticks != startTicks { return false }
        #if os(Linux)
        if startTicks != 0, Self.startTicks(of: pid) == nil { return false }
        #endif
        return true
    }

    static var currentBootID: String {
        guard let data = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id") else { return "" }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Field 22 of `/proc/PID/stat`; the command name (field 2) may hold spaces and parentheses,
    /// so fields are counted after its last `)`.
    static func startTicks(of pid: Int32) -> Int64? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command come field 3 (state) … so field 22 is at index 19.
        guard fields.count > 19 else { return nil }
        return Int64(fields[19])
    }
}
