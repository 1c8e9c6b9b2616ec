import Foundation
import MLEngine
import Reports

/// Runs the search of one `train`: builds the spaces and the scoring folds, runs the engine's
/// ``HyperparameterSearch``, and refits the winner on all the training rows.
struct TrainSearchRun {
    let directive: TrainDirective
    let search: TrainSearch
    let view: DatasetView
    let features: [String]
    let target: String
    let positive: String?
    let task: TargetEncoding.Request?
    let context: DirectiveContext

    struct Outcome {
        var model: TrainedModel
        var outputs: [ReportOutput]
        var records: [SearchTrialRecord]
    }

    func run(generator: inout SeededGenerator) throws -> Outcome {
        guard let column = view.frame.column(named: target) else {
            throw DirectiveError("the target `\(target)` is not a column of `\(view.reference)`", key: "target")
        }
        let encoding: TargetEncoding
        let labels: [Double]
        do {
            (encoding, labels) = try TargetEncoding.fit(column, positive: positive, task: task)
        } catch {
            throw DirectiveError(error.message, key: "target")
        }
        let learning = encoding.task
        let metric = search.metric.flatMap { MetricCatalog.scalar(for: learning).contains($0) ? $0 : nil }
            ?? (learning == .regression ? "r2" : "roc_auc")
        if let asked = search.metric, asked != metric {
            throw DirectiveError(
                "`\(asked)` is not a metric of a \(learning.family) task; use one of \(MetricCatalog.scalar(for: learning).joined(separator: ", "))",
                key: "search")
        }
        let spaces = try makeSpaces(for: learning)
        // A task scoring one trial for another process has the cores to itself.
        let scoresOneTrial = if case .task = context.run.trialScoring { true } else { false }
        let batch = [.grid, .random, .halving, .tpe].contains(search.strategy) && !scoresOneTrial
        let objective = try SearchObjective.make(
            view: view, features: features, target: target, positive: positive, task: task,
            preprocessing: directive.preprocessing, metric: metric, validation: search.validation,
            classification: learning.isClassification, labels: labels, generator: &generator, parallelFolds: !batch,
            singleThreadedFits: batch && ProcessInfo.processInfo.activeProcessorCount > 1)
        if case .task(let trialTask) = context.run.trialScoring {
            try TrialTaskScoring(task: trialTask, directive: directive.name).score(with: objective)
        }
        let foldCount = objective.folds.count
        let trials = search.trials ?? search.fits.map { max(1, $0 / foldCount) } ?? TrainSearch.defaultTrials
        var engine = HyperparameterSearch(
            strategy: search.strategy, spaces: spaces, trials: trials, maximize: !MetricCatalog.lowerIsBetter.contains(metric),
            seed: generator.next(), threads: batch ? ProcessInfo.processInfo.activeProcessorCount : 1,
            gridPoints: search.points, halvingResource: search.resource,
            minimumRowShare: min(1, 200 / Double(max(objective.folds.first?.order.count ?? 1, 1))))
        engine.deadline = search.seconds.map { ContinuousClock.now + .seconds($0) }
        do throws(ModelError) {
            try engine.validate()
        } catch {
            throw DirectiveError(error.message, key: "search")
        }
        let name = directive.name
        let progress = context.run.progress
        let showProgress: HyperparameterSearch.Progress = { _, done, total, best in
            let bestText = best?.score.map { " — best \(metric) \(NumberFormat.fixed($0.mean, decimals: 4))" } ?? ""
            progress?("train \(name): trial \(done)/\(total)\(bestText)")
        }
        let result: SearchResult
        if case .elsewhere(let executor, let options) = context.run.trialScoring {
            var executorFailure: String?
            result = engine.run(batches: { requests in
                if executorFailure == nil {
                    do throws(SweepExecutorError) {
                        let scored = try executor.score(requests, directive: name, options: options)
                        for (request, trial) in zip(requests, scored) {
                            if let seconds = trial.seconds { objective.timings.record(request.index, seconds: seconds) }
                        }
                        return scored.map(\.outcome)
                    } catch {
                        executorFailure = error.description
                    }
                }
                return requests.map { _ in .failure(TrialFailure(executorFailure ?? "not scored", fits: 0)) }
            }, progress: showProgress)
            if let executorFailure {
                throw DirectiveError("cannot score the search's trials: \(executorFailure)", key: "search")
            }
        } else {
            result = engine.run(objective: objective.score, progress: showProgress)
        }
        guard let best = result.best else {
            let reason = result.trials.compactMap { trial -> String? in
                if case .failure(let failure) = trial.outcome { return failure.message }
                return nil
            }.first ?? "no trial ran"
            throw DirectiveError("no trial of the search could be scored; the first error: \(reason)", key: "search")
        }
        let model: TrainedModel
        do {
            model = try TrainedModel.train(
                kind: best.request.model, parameters: best.request.parameters, frame: view.frame, features: features,
                target: target, positive: positive, task: task, preprocessing: directive.preprocessing, seed: objective.modelSeed)
        } catch {
            throw DirectiveError("refitting the winner: \(error.message)", key: "search")
        }
        let report = SearchOutputs(
            name: name, search: search, spaces: spaces, result: result, metric: metric, scoring: objective.description,
            foldCount: foldCount, trainingRows: view.frame.rowCount,
            timings: context.reportTimings ? objective.timings : nil)
        return Outcome(model: model, outputs: report.outputs(), records: report.records())
    }

    /// The space of each model kind searched: the notebook's, else the kind's defaults.
    private func makeSpaces(for learning: LearningTask) throws -> [SearchSpace] {
        let kinds = directive.model.map { [$0] } ?? search.models ?? SearchSpace.automaticModels(for: learning.family)
        let usable = kinds.filter { $0.tasks.contains(learning.family) }
        if let unusable = kinds.first(where: { !$0.tasks.contains(learning.family) }), directive.model != nil || search.models != nil {
            throw DirectiveError(
                "`\(unusable.rawValue)` cannot learn a \(learning.family) task such as `\(target)`", key: directive.model == nil ? "search" : "model")
        }
        guard !usable.isEmpty else { throw DirectiveError("no model kind to search", key: "search") }
        return usable.map { kind in
            let fixed = kind == directive.model ? directive.parameters : [:]
            guard let dimensions = search.spaces[kind] else { return SearchSpace.defaults(for: kind, fixed: fixed) }
            return SearchSpace(model: kind, dimensions: dimensions, fixed: fixed)
        }
    }
}
