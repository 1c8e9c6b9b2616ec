import ArgumentParser
import Foundation
import NotebookRunner

/// `--executor local|slurm`: where the runs of a sweep execute.
enum SweepExecutorKind: String, ExpressibleByArgument, CaseIterable {
    case local, slurm

    /// The executor; the Slurm one runs this very `labbook` binary in its tasks.
    func make(partition: String?, maxParallel: Int?) -> any SweepExecutor {
        switch self {
        case .local:
            return LocalSweepExecutor()
        case .slurm:
            return SlurmSweepExecutor(
                labbook: Self.runningExecutable(), partition: partition, maxParallel: maxParallel,
                log: { Terminal.error($0) })
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
