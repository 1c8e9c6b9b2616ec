/// A model version a run registered (or reused) with `deploy`.
public struct RunDeployment: Sendable, Equatable {
    /// The registered name.
    public var name: String
    /// The registry version.
    public var version: Int

    /// Creates a deployment.
    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }
}
