/// Where the runs of a sweep execute: in this process one after another (``LocalSweepExecutor``)
/// or as one Slurm job array (``SlurmSweepExecutor``).
///
/// Whichever executes them, `Runner.sweep` builds the comparison report from the returned
/// runs alone, so the same runs give a byte-identical report.
public protocol SweepExecutor: Sendable {
    /// Executes every job and returns one run per job, in job order. `finished` is called once
    /// per run, in job order, as soon as that run and all before it are known.
    func execute(_ jobs: [SweepJob], finished: ((SweepOutcome.Run) -> Void)?) throws(SweepExecutorError) -> [SweepOutcome.Run]
}
