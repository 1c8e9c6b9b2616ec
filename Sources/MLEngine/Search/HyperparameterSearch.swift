import Foundation

/// A hyperparameter search with its budget counted in trials (so in fits, never seconds):
/// the same settings, seed and data find the same model on any machine, with 1 or many threads.
///
/// The caller scores each proposed setting with `objective` (for instance by k-fold
/// cross-validation); the search only decides what to try next.
///
/// ```swift
/// let search = HyperparameterSearch(
///     strategy: .tpe, spaces: [SearchSpace.defaults(for: .gradientBoosting)], trials: 60, maximize: true, seed: 42)
/// let result = search.run { request in .success(score(request)) }
/// result.best?.request.parameters
/// ```
public struct HyperparameterSearch: Sendable {
    /// Scores one setting; called concurrently from several threads for batch strategies.
    public typealias Objective = @Sendable (TrialRequest) -> Result<TrialScore, TrialFailure>
    /// Scores a whole batch of settings at once (e.g. as one cluster job array) and returns one
    /// outcome per request, in request order. The strategies propose the same batches whoever
    /// scores them, so the search finds the same model as with ``Objective``.
    public typealias BatchObjective = ([TrialRequest]) -> [Result<TrialScore, TrialFailure>]
    /// Called after each trial in trial order: the trial, trials done, the budget, the best so far.
    public typealias Progress = (SearchTrial, Int, Int, SearchTrial?) -> Void

    public var strategy: SearchStrategy
    /// One space per candidate model kind (several only for `auto`, `grid` and `random`).
    public var spaces: [SearchSpace]
    /// The most trials to run.
    public var trials: Int
    /// Whether a higher metric is better.
    public var maximize: Bool
    public var seed: UInt64
    /// Trials scored at once by batch strategies (grid, random, halving rungs); results do not
    /// depend on it.
    public var threads: Int
    /// Values per numeric dimension of a grid.
    public var gridPoints: Int
    /// Successive halving keeps the best 1/factor of each rung.
    public var halvingFactor: Int
    public var halvingResource: HalvingResource
    /// The smallest share of the rows a halving rung may use (so it keeps enough rows to learn).
    public var minimumRowShare: Double
    /// An optional wall-clock cap: no trial starts after it. A search it stops depends on the
    /// machine's speed, which ``SearchResult/stoppedByDeadline`` records.
    public var deadline: ContinuousClock.Instant?

    public init(
        strategy: SearchStrategy, spaces: [SearchSpace], trials: Int, maximize: Bool, seed: UInt64, threads: Int = 1,
        gridPoints: Int = 5, halvingFactor: Int = 3, halvingResource: HalvingResource = .rows, minimumRowShare: Double = 0
    ) {
        self.strategy = strategy
        self.spaces = spaces
        self.trials = trials
        self.maximize = maximize
        self.seed = seed
        self.threads = max(threads, 1)
        self.gridPoints = gridPoints
        self.halvingFactor = halvingFactor
        self.halvingResource = halvingResource
        self.minimumRowShare = minimumRowShare
    }

    /// Checks the spaces and the settings.
    /// - Throws: ``ModelError`` naming what is wrong.
    public func validate() throws(ModelError) {
        guard !spaces.isEmpty else { throw ModelError("a search needs at least one model to search") }
        guard trials >= 1 else { throw ModelError("a search needs a budget of at least one trial") }
        for space in spaces { try space.validate() }
        if spaces.count > 1, strategy == .tpe || strategy == .halving {
            throw ModelError("`\(strategy.rawValue)` searches one model; use `auto` (or `random`, `grid`) across several")
        }
        if strategy == .halving, halvingFactor < 2 { throw ModelError("the halving factor must be at least 2") }
        if strategy == .halving, case .parameter(let name) = halvingResource {
            for space in spaces where !space.model.parameters.contains(where: { $0.name == name }) {
                throw ModelError("`\(space.model.rawValue)` has no parameter `\(name)` to use as the halving resource")
            }
        }
    }

    /// Runs the search.
    public func run(objective: @escaping Objective, progress: Progress? = nil) -> SearchResult {
        run(TrialLog(budget: trials, maximize: maximize, threads: threads, scorer: .each(objective), progress: progress))
    }

    /// Runs the search, handing each batch of proposed settings to `batches` whole: grid and
    /// random propose every trial in one batch, halving one batch per rung, `tpe` two at a time
    /// and `auto` one. The trials, their order and the winner are those ``run(objective:progress:)``
    /// gives when both score alike.
    public func run(batches: @escaping BatchObjective, progress: Progress? = nil) -> SearchResult {
        run(TrialLog(budget: trials, maximize: maximize, threads: threads, scorer: .batch(batches), progress: progress))
    }

    private func run(_ started: TrialLog) -> SearchResult {
        var log = started
        log.deadline = deadline
        switch strategy {
        case .grid: runGrid(&log)
        case .random: runRandom(&log)
        case .halving: SuccessiveHalving(search: self).run(&log)
        case .tpe: TreeParzenEstimator.run(search: self, log: &log)
        case .auto: CostFrugalSearch.run(search: self, log: &log)
        }
        return log.result
    }

    private func runGrid(_ log: inout TrialLog) {
        var points: [(SearchSpace, [ParameterValue])] = []
        for space in spaces {
            let axes = space.dimensions.map { $0.domain.gridValues(points: gridPoints) }
            let combinations = axes.reduce([[ParameterValue]]([[]])) { partial, values in
                partial.flatMap { prefix in values.map { prefix + [$0] } }
            }
            points += combinations.map { (space, $0) }
        }
        var chosen = Array(points.indices)
        if points.count > trials {
            var generator = SeededGenerator(seed: seed).derived("grid")
            for position in 0..<trials {
                chosen.swapAt(position, position + generator.nextInt(below: chosen.count - position))
            }
            chosen = chosen.prefix(trials).sorted()
            log.notes.append("the budget of \(trials) trials covers \(trials) of the grid's \(points.count) points, chosen at random")
        } else if points.count < trials {
            log.notes.append("the grid has \(points.count) points: \(trials - points.count) trials of the budget were not needed")
        }
        let requests = chosen.enumerated().map { index, point in
            let (space, values) = points[point]
            var parameters = space.fixed
            for (dimension, value) in zip(space.dimensions, values) { parameters[dimension.name] = value }
            return TrialRequest(index: index, model: space.model, parameters: parameters)
        }
        log.evaluate(requests)
    }

    private func runRandom(_ log: inout TrialLog) {
        var generator = SeededGenerator(seed: seed).derived("random")
        let requests = (0..<trials).map { index in
            let space = spaces.count == 1 ? spaces[0] : spaces[generator.nextInt(below: spaces.count)]
            let point = space.dimensions.map { _ in generator.nextDouble() }
            return TrialRequest(index: index, model: space.model, parameters: space.parameters(atUnit: point))
        }
        log.evaluate(requests)
    }
}

/// The trials run so far, scored in batches and reported in trial order.
struct TrialLog {
    let budget: Int
    let maximize: Bool
    let threads: Int
    /// How trials are scored: one at a time (`threads` side by side) or a batch at once.
    enum Scorer {
        case each(HyperparameterSearch.Objective)
        case batch(HyperparameterSearch.BatchObjective)
    }

    let scorer: Scorer
    let progress: HyperparameterSearch.Progress?
    var trials: [SearchTrial] = []
    var notes: [String] = []
    var deadline: ContinuousClock.Instant?
    private(set) var stoppedByDeadline = false
    private(set) var bestIndex: Int?

    init(budget: Int, maximize: Bool, threads: Int, scorer: Scorer, progress: HyperparameterSearch.Progress?) {
        self.budget = budget
        self.maximize = maximize
        self.threads = threads
        self.scorer = scorer
        self.progress = progress
    }

    var remaining: Int { stoppedByDeadline ? 0 : budget - trials.count }
    var best: SearchTrial? { bestIndex.map { trials[$0] } }
    var result: SearchResult {
        SearchResult(trials: trials, bestIndex: bestIndex, notes: notes, maximize: maximize, stoppedByDeadline: stoppedByDeadline)
    }

    /// `score` as a loss: smaller is better whatever the metric's direction.
    func loss(_ score: Double) -> Double { maximize ? -score : score }

    /// Scores `requests` (at most the remaining budget), `threads` at a time (or all at once by
    /// a batch scorer), and records them in order.
    @discardableResult
    mutating func evaluate(_ requests: [TrialRequest]) -> [SearchTrial] {
        let batch = Array(requests.prefix(remaining))
        var done: [SearchTrial] = []
        var start = 0
        let chunkSize: Int
        switch scorer {
        case .each: chunkSize = threads
        case .batch: chunkSize = max(batch.count, 1)
        }
        while start < batch.count {
            if let deadline, ContinuousClock.now >= deadline {
                stoppedByDeadline = true
                break
            }
            let chunk = Array(batch[start..<min(start + chunkSize, batch.count)])
            var outcomes: [Result<TrialScore, TrialFailure>]
            switch scorer {
            case .batch(let score):
                outcomes = score(chunk)
                if outcomes.count != chunk.count {
                    // A scorer that lost results: the missing trials failed, none is dropped silently.
                    outcomes = chunk.indices.map { index in
                        index < outcomes.count ? outcomes[index] : .failure(TrialFailure("the trial's score was lost", fits: 0))
                    }
                }
            case .each(let objective) where chunk.count == 1:
                outcomes = [objective(chunk[0])]
            case .each(let objective):
                let slots = OrderedSlots<Result<TrialScore, TrialFailure>>(count: chunk.count)
                DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
                    slots.store(objective(chunk[index]), at: index)
                }
                outcomes = slots.collected()
            }
            for (request, outcome) in zip(chunk, outcomes) {
                let trial = SearchTrial(request: request, outcome: outcome)
                record(trial)
                done.append(trial)
            }
            start += chunk.count
        }
        return done
    }

    private mutating func record(_ trial: SearchTrial) {
        trials.append(trial)
        if trial.request.resourceShare == 1, let score = trial.score?.mean, !score.isNaN,
           best.flatMap({ $0.score?.mean }).map({ loss(score) < loss($0) }) ?? true
        {
            bestIndex = trials.count - 1
        }
        progress?(trial, trials.count, budget, best)
    }
}
