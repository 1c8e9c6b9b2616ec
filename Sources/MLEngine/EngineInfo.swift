/// Facts about this build of the engine, recorded in model manifests and reports.
public enum EngineInfo {
    /// The engine's semantic version. Changing it invalidates cached results.
    public static let version = "0.1.0"
}
