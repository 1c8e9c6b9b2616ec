import Foundation
import MLEngine

/// The `train` side of a Slurm task that scores one trial of a search for the run that
/// proposed it: reads the trial from the batch file, scores it on this run's folds (the same
/// as the proposing run's: same notebook, seed and data), writes the result, and stops the
/// directive there.
struct TrialTaskScoring {
    let task: SearchTrialTask
    /// The model name of the `train` directive running.
    let directive: String

    /// Scores the trial and writes its result; always throws: the directive ends here, with
    /// "scored" when the result was written and why not otherwise.
    func score(with objective: SearchObjective) throws(DirectiveError) -> Never {
        guard let batch = SearchTrialWire.read(SearchTrialWire.Batch.self, from: task.requestsFile) else {
            throw DirectiveError("cannot read the search's trials from \(task.requestsFile)", key: "search")
        }
        guard batch.directive == directive, batch.requests.indices.contains(task.index),
            let request = batch.requests[task.index].request
        else {
            throw DirectiveError("\(task.requestsFile) has no trial \(task.index) for `\(directive)`", key: "search")
        }
        let started = ContinuousClock.now
        let outcome = objective.score(request)
        let result = SearchTrialWire.Result(index: request.index, outcome: outcome, seconds: Runner.seconds(since: started))
        do {
            try SearchTrialWire.write(result, to: task.resultFile)
        } catch {
            throw DirectiveError("cannot write the trial's result to \(task.resultFile): \(error.localizedDescription)", key: "search")
        }
        throw DirectiveError("scored trial \(request.index) of the search for the run that proposed it")
    }
}
