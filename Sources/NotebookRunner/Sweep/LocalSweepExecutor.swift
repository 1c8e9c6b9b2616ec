/// Runs a sweep's runs one after another in this process (the default executor).
public struct LocalSweepExecutor: SweepExecutor {
    /// The executor `Runner.sweep` uses unless told otherwise.
    public init() {}

    public func execute(_ jobs: [SweepJob], finished: ((SweepOutcome.Run) -> Void)?) -> [SweepOutcome.Run] {
        jobs.map { job in
            let run = SweepOutcome.Run(assignment: job.assignment, reportName: job.reportName, outcome: Runner.run(job.options))
            finished?(run)
            return run
        }
    }
}
