/// The sweep could not be executed at all (not: a run failed), e.g. `sbatch` is missing.
public struct SweepExecutorError: Error, Sendable, CustomStringConvertible {
    /// One sentence, lower-case start, e.g. "the Slurm executor needs `sbatch` on PATH".
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
