import Foundation

/// The machine a run ran on.
public struct RunMachine: Sendable, Equatable {
    /// The operating system's name, e.g. `Linux`.
    public var osName: String
    /// Its version, e.g. `6.1.0-18-amd64`.
    public var osVersion: String
    /// Active processor count.
    public var cpuCount: Int

    /// Creates a machine description.
    public init(osName: String, osVersion: String, cpuCount: Int) {
        self.osName = osName
        self.osVersion = osVersion
        self.cpuCount = cpuCount
    }

    /// This machine.
    public static var current: RunMachine {
        var names = utsname()
        uname(&names)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return RunMachine(
            osName: text(names.sysname), osVersion: text(names.release),
            cpuCount: ProcessInfo.processInfo.activeProcessorCount)
    }
}
