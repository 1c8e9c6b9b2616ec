/// How a hyperparameter search chooses the settings to try.
public enum SearchStrategy: String, Sendable, CaseIterable, Codable {
    /// Every point of a grid (`points` values per numeric dimension), in order; a seeded
    /// sample of the points when the budget is smaller than the grid.
    case grid
    /// Points drawn uniformly (on log scales for log ranges).
    case random
    /// Successive halving: many random settings on a small share of the resource, the best
    /// third promoted to three times the resource, until one rung runs on all of it.
    case halving
    /// Tree-structured Parzen estimator with Optuna's defaults: 10 random start trials, the
    /// best γ(n) = min(⌈0.1 n⌉, 25) trials against the rest, 24 candidates per trial.
    case tpe
    /// AutoML across model families: a cost-frugal local search per family from a low-cost
    /// start (FLAML's CFO), the next family chosen by its estimated cost of improvement.
    case auto
}

/// What successive halving gives more of to the settings that survive a rung.
public enum HalvingResource: Sendable, Equatable {
    /// A share of the training rows.
    case rows
    /// A count parameter of the model (boosting iterations `max_iter`, forest `n_estimators`),
    /// scaled from its searched or fixed full value.
    case parameter(String)
}

/// One setting a search asks to be scored.
public struct TrialRequest: Sendable, Equatable {
    /// The trial's number, from 0, in the order trials were proposed.
    public var index: Int
    public var model: ModelKind
    /// The full parameter set (fixed and searched).
    public var parameters: [String: ParameterValue]
    /// The share of the fitting rows to train on (halving on rows); 1 otherwise.
    public var rowShare: Double
    /// The share of the full resource (rows or a count parameter) the trial gets; only trials
    /// with all of it (1) compete for the win.
    public var resourceShare: Double
    /// The halving rung (0 = the smallest resource); `nil` for other strategies.
    public var rung: Int?

    public init(
        index: Int, model: ModelKind, parameters: [String: ParameterValue], rowShare: Double = 1, resourceShare: Double = 1,
        rung: Int? = nil
    ) {
        self.index = index
        self.model = model
        self.parameters = parameters
        self.rowShare = rowShare
        self.resourceShare = resourceShare
        self.rung = rung
    }
}

/// A scored trial: the metric's mean over the validation folds, its spread and cost.
public struct TrialScore: Sendable, Equatable {
    /// The metric as reported (not sign-flipped).
    public var mean: Double
    /// The population standard deviation over folds (0 for one holdout).
    public var std: Double
    /// Model fits the trial made (folds).
    public var fits: Int
    /// A machine-independent estimate of the work the trial took (see
    /// ``FittedModel/trainingWork(rows:)``), which the ``SearchStrategy/auto`` learner choice uses.
    public var work: Double

    public init(mean: Double, std: Double, fits: Int, work: Double) {
        self.mean = mean
        self.std = std
        self.fits = fits
        self.work = work
    }
}

/// A trial and how it ended.
public struct SearchTrial: Sendable, Equatable {
    public var request: TrialRequest
    /// The score, or why the fit failed (a failed trial still spent its fits).
    public var outcome: Result<TrialScore, TrialFailure>

    public var score: TrialScore? { try? outcome.get() }
}

/// Why a trial produced no score.
public struct TrialFailure: Error, Sendable, Equatable {
    public var message: String
    /// Model fits spent before the failure.
    public var fits: Int

    public init(_ message: String, fits: Int = 1) {
        self.message = message
        self.fits = fits
    }
}
