import Foundation

/// The process's memory use.
public enum ProcessMemory {
    /// The peak resident set size so far, in bytes (`getrusage` max RSS; kilobytes on Linux,
    /// bytes on macOS).
    public static func peakResidentBytes() -> Int64 {
        var usage = rusage()
        #if os(Linux)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if os(Linux)
        return Int64(usage.ru_maxrss) * 1024
        #else
        return Int64(usage.ru_maxrss)
        #endif
    }
}
