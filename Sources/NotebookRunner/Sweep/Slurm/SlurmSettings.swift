import Foundation

/// How labbook uses a Slurm cluster: which binary the tasks run, where, how many at once, and
/// how it waits. Shared by the sweep and the search executors.
public struct SlurmSettings: Sendable {
    /// The `labbook` executable the tasks run (usually the running one, `/proc/self/exe`).
    public var labbook: String
    /// `sbatch --partition`; `nil` for the cluster's default partition.
    public var partition: String?
    /// At most this many tasks run at once (`--array=0-9%N`); `nil` for no limit.
    public var maxParallel: Int?
    /// Test-only: a folder passed to the tasks as `LABBOOK_SLURM_FAULTS` (see ``SlurmArrayScript``).
    public var faultDirectory: String?
    /// How often `squeue` is asked whether an array is done, in seconds.
    public var pollInterval: Double = 0.5
    /// Cancel an array none of whose tasks leaves the queue for this many seconds (a partition
    /// that is down, a request no node can meet); `nil` to wait as long as it takes.
    public var pendingTimeout: Double?
    /// Where `sbatch` and `squeue` are looked for; `nil` for `PATH`.
    var toolSearchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    /// Called with progress lines for the terminal (job ids, retries).
    public var log: (@Sendable (String) -> Void)?

    public init(
        labbook: String, partition: String? = nil, maxParallel: Int? = nil, faultDirectory: String? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.labbook = labbook
        self.partition = partition
        self.maxParallel = maxParallel
        self.faultDirectory = faultDirectory
        self.log = log
    }

    /// A fresh work folder `STATE/slurm/NAME-XXXXXXXX`, absolute.
    func workFolder(state: String, name: String) -> String {
        let folder = "\(name)-\(UUID().uuidString.prefix(8).lowercased())"
        return Self.absolute(((state as NSString).appendingPathComponent("slurm") as NSString).appendingPathComponent(folder))
    }

    /// The job array of `tasks` (argument lists of `labbook`), its script written to `work`.
    func jobArray(tasks: [[String]], work: String, comment: String? = nil, jobName: String) throws(SweepExecutorError) -> SlurmJobArray {
        let tools = try SlurmJobArray.tools(searchPath: toolSearchPath)
        var script = SlurmArrayScript(labbook: Self.absolute(labbook), workDirectory: work, tasks: tasks)
        if let comment { script.comment = comment }
        let scriptPath = try SlurmJobArray.writeScript(script)
        return SlurmJobArray(
            sbatch: tools.sbatch, squeue: tools.squeue, scancel: tools.scancel,
            submission: SlurmSubmission(
                script: scriptPath, workingDirectory: FileManager.default.currentDirectoryPath, jobName: jobName,
                partition: partition, maxParallel: maxParallel, faultDirectory: faultDirectory),
            results: SlurmResults(directory: work), pollInterval: pollInterval, pendingTimeout: pendingTimeout, log: log)
    }

    /// `path` made absolute against the current folder (tasks start there too).
    static func absolute(_ path: String) -> String {
        let folder = FileManager.default.currentDirectoryPath
        return ((path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)) as NSString).standardizingPath
    }
}
