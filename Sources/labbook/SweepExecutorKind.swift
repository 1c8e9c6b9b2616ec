import ArgumentParser
import Foundation
import NotebookRunner

/// `--executor local|slurm`: where the runs of a sweep, or the trials of a single run's searches, execute.
enum SweepExecutorKind: String, ExpressibleByArgument, CaseIterable {
    case local, slurm

    /// The executor; the Slurm one runs this very `labbook` binary in its tasks.
    func make(partition: String?, maxParallel: Int?, pendingTimeout: Double?) -> any SweepExecutor {
        switch self {
        case .local:
            return LocalSweepExecutor()
        case .slurm:
            var executor = SlurmSweepExecutor(
                labbook: Self.runningExecutable(), partition: partition, maxParallel: maxParallel,
                log: { Terminal.error($0) })
            executor.slurm.pendingTimeout = pendingTimeout
            return executor
        }
    }

    /// Where a single run's search trials are scored: `nil` for this process.
    func makeSearch(partition: String?, maxParallel: Int?, pendingTimeout: Double?) -> (any SearchTrialExecutor)? {
        switch self {
        case .local:
            return nil
        case .slurm:
            var executor = SlurmSearchExecutor(
                labbook: Self.runningExecutable(), partition: partition, maxParallel: maxParallel,
                log: { Terminal.error($0) })
            executor.slurm.pendingTimeout = pendingTimeout
            return executor
        }
    }

    /// The running executable's absolute path: `/proc/self/exe`, else `argv[0]` made absolute.
    static func runningExecutable() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let path = CommandLine.arguments.first ?? "labbook"
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
