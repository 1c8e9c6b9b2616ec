/// Facts about this build of the engine, recorded in model manifests and reports.
public enum EngineInfo {
    /// The engine's semantic version. Changing it invalidates cached results.
    public static let version = "0.1.0"

    /// The Swift compiler that built the engine (major.minor).
    public static let swiftVersion: String = {
        #if compiler(>=6.4)
            return "6.4+"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "6.0"
        #endif
    }()

    /// The operating system it was built for.
    public static let os: String = {
        #if os(Linux)
            return "linux"
        #elseif os(macOS)
            return "macos"
        #else
            return "other"
        #endif
    }()

    /// The processor architecture it was built for.
    public static let arch: String = {
        #if arch(x86_64)
            return "x86_64"
        #elseif arch(arm64)
            return "arm64"
        #else
            return "other"
        #endif
    }()
}
