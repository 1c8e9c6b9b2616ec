/// The notebook's YAML front matter: the experiment's question and success criterion.
///
/// ```yaml
/// ---
/// title: Who earns more than 50K?
/// question: Can we tell high from low earners?
/// metric: roc_auc
/// goal: ">= 0.85"
/// seed: 42
/// params:
///   max_depth: 8
/// ---
/// ```
public struct FrontMatter: Sendable, Equatable {
    /// The seed used when the front matter names none.
    public static let defaultSeed: UInt64 = 42
    /// Every key the front matter accepts.
    public static let keys = ["title", "question", "metric", "goal", "seed", "params"]

    public var title: String?
    public var question: String?
    /// The metric that defines success, e.g. `roc_auc`.
    public var metric: String?
    /// Where `metric`'s value is written (for checks made by the runner, which knows the metric names).
    public var metricLocation: SourceLocation?
    /// The goal for `metric`, e.g. `>= 0.85`.
    public var goal: String?
    public var seed: UInt64
    /// Parameters in declaration order, after command-line overrides.
    public var parameters: [(name: String, value: ParamValue)]
    /// 1-based line of the closing `---` (0 without front matter).
    public var endLine: Int

    public init(
        title: String? = nil, question: String? = nil, metric: String? = nil, goal: String? = nil,
        seed: UInt64 = FrontMatter.defaultSeed, parameters: [(name: String, value: ParamValue)] = [],
        endLine: Int = 0
    ) {
        self.title = title
        self.question = question
        self.metric = metric
        self.goal = goal
        self.seed = seed
        self.parameters = parameters
        self.endLine = endLine
    }

    /// The parameter called `name`.
    public func parameter(_ name: String) -> ParamValue? {
        parameters.first { $0.name == name }?.value
    }

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.title == rhs.title && lhs.question == rhs.question && lhs.metric == rhs.metric
            && lhs.goal == rhs.goal && lhs.seed == rhs.seed && lhs.endLine == rhs.endLine
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }
}
