import Foundation

extension DecisionTree {
    /// The impurity measure a split minimises.
    public enum Criterion: String, Codable, Sendable, Equatable, CaseIterable {
        /// Gini impurity `1 − Σ pₖ²` (classification).
        case gini
        /// Shannon entropy in bits, `−Σ pₖ log₂ pₖ` (classification).
        case entropy
        /// The same as ``entropy`` (scikit-learn's other name for it).
        case logLoss = "log_loss"
        /// The variance of the targets (regression).
        case squaredError = "squared_error"

        /// Whether the criterion is for classification (else regression).
        public var isClassification: Bool { self != .squaredError }
    }

    /// How many columns a node examines when it looks for its split (`max_features`).
    public enum MaxFeatures: Sendable, Equatable, Hashable {
        /// Every column.
        case all
        /// `max(1, ⌊√columns⌋)` columns.
        case sqrt
        /// `max(1, ⌊log₂ columns⌋)` columns.
        case log2
        /// This many columns (at most all of them).
        case count(Int)
        /// `max(1, ⌊fraction · columns⌋)` columns, the fraction in (0, 1].
        case fraction(Double)

        /// The number of columns examined for a matrix of `columns` columns.
        public func resolved(columns: Int) -> Int {
            let n = Double(columns)
            let count = switch self {
            case .all: columns
            case .sqrt: Int(n.squareRoot())
            case .log2: columns > 0 ? Int(Foundation.log2(n)) : 0
            case .count(let count): count
            case .fraction(let fraction): Int(fraction * n)
            }
            return min(max(count, 1), max(columns, 1))
        }

        /// Reads a resolved notebook value: `"sqrt"`, `"log2"`, `"all"`, an integer count or a fraction.
        init?(_ value: ParameterValue) {
            switch value {
            case .string("sqrt"): self = .sqrt
            case .string("log2"): self = .log2
            case .string("all"): self = .all
            case .int(let count) where count >= 1: self = .count(count)
            case .double(let fraction) where fraction > 0 && fraction <= 1:
                self = fraction == 1 ? .all : .fraction(fraction)
            default: return nil
            }
        }
    }

    /// Settings of the tree, named after scikit-learn's parameters (see ``parameterSpecs``).
    public struct Hyperparameters: Sendable, Equatable {
        /// The split quality measure (`criterion`); `nil` for `gini` (classification) or
        /// `squared_error` (regression).
        public var criterion: Criterion?
        /// The deepest a leaf may be, the root being depth 0 (`max_depth`); `nil` for no limit.
        public var maxDepth: Int?
        /// The fewest rows a node needs to be split (`min_samples_split`, ≥ 2).
        public var minSamplesSplit: Int
        /// The fewest rows each child of a split must keep (`min_samples_leaf`, ≥ 1).
        public var minSamplesLeaf: Int
        /// The most leaves (`max_leaf_nodes`, ≥ 2); when set the tree grows best first.
        public var maxLeafNodes: Int?
        /// The columns examined per split (`max_features`); `nil` examines all of them.
        public var maxFeatures: MaxFeatures?
        /// A split must decrease the weighted impurity by at least this (`min_impurity_decrease`, ≥ 0).
        public var minImpurityDecrease: Double

        /// Creates tree settings; the defaults are scikit-learn's.
        public init(
            criterion: Criterion? = nil, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
            maxLeafNodes: Int? = nil, maxFeatures: MaxFeatures? = nil, minImpurityDecrease: Double = 0
        ) {
            self.criterion = criterion
            self.maxDepth = maxDepth
            self.minSamplesSplit = minSamplesSplit
            self.minSamplesLeaf = minSamplesLeaf
            self.maxLeafNodes = maxLeafNodes
            self.maxFeatures = maxFeatures
            self.minImpurityDecrease = minImpurityDecrease
        }

        /// The notebook parameters of a tree: names, defaults and allowed values as scikit-learn.
        public static let parameterSpecs: [ParameterSpec] = [
            ParameterSpec(
                name: "criterion",
                summary: "The impurity a split minimises (default \"gini\" for classification, \"squared_error\" for regression).",
                defaultValue: nil, rule: .oneOf(Criterion.allCases.map(\.rawValue))),
            ParameterSpec(name: "max_depth", summary: "The deepest a leaf may be (the root is depth 0).",
                          defaultValue: nil, rule: .optionalInteger(atLeast: 1)),
            ParameterSpec(name: "min_samples_split", summary: "The fewest rows a node needs to be split.",
                          defaultValue: .int(2), rule: .integer(atLeast: 2)),
            ParameterSpec(name: "min_samples_leaf", summary: "The fewest rows each side of a split must keep.",
                          defaultValue: .int(1), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "max_leaf_nodes", summary: "The most leaves; when set the tree grows best first.",
                          defaultValue: nil, rule: .optionalInteger(atLeast: 2)),
            ParameterSpec(name: "max_features", summary: "The columns examined per split (default all).",
                          defaultValue: nil, rule: .maxFeatures),
            ParameterSpec(name: "min_impurity_decrease", summary: "The least weighted impurity decrease a split must bring.",
                          defaultValue: .double(0), rule: .nonNegativeNumber),
        ]

        /// Settings from parameters already validated against ``parameterSpecs``.
        public init(resolved: [String: ParameterValue]) {
            self.init(
                criterion: resolved["criterion"].flatMap { value in
                    if case .string(let name) = value { Criterion(rawValue: name) } else { nil }
                },
                maxDepth: resolved["max_depth"]?.intValue,
                minSamplesSplit: resolved["min_samples_split"]?.intValue ?? 2,
                minSamplesLeaf: resolved["min_samples_leaf"]?.intValue ?? 1,
                maxLeafNodes: resolved["max_leaf_nodes"]?.intValue,
                maxFeatures: resolved["max_features"].flatMap(MaxFeatures.init),
                minImpurityDecrease: resolved["min_impurity_decrease"]?.doubleValue ?? 0
            )
        }

        /// Checks the settings against `task` and fills in task defaults.
        func resolved(for task: LearningTask, columns: Int) throws(ModelError) -> Settings {
            let criterion = criterion ?? (task.isClassification ? .gini : .squaredError)
            if criterion.isClassification != task.isClassification {
                throw ModelError(
                    task.isClassification
                        ? "criterion \"\(criterion.rawValue)\" is for regression; use \"gini\", \"entropy\" or \"log_loss\""
                        : "criterion \"\(criterion.rawValue)\" is for classification; use \"squared_error\""
                )
            }
            if let depth = maxDepth, depth < 1 { throw ModelError("max_depth must be an integer >= 1") }
            guard minSamplesSplit >= 2 else { throw ModelError("min_samples_split must be an integer >= 2") }
            guard minSamplesLeaf >= 1 else { throw ModelError("min_samples_leaf must be an integer >= 1") }
            if let leaves = maxLeafNodes, leaves < 2 { throw ModelError("max_leaf_nodes must be an integer >= 2") }
            guard minImpurityDecrease >= 0, minImpurityDecrease.isFinite else {
                throw ModelError("min_impurity_decrease must be a number >= 0")
            }
            switch maxFeatures {
            case .count(let count) where count < 1:
                throw ModelError("max_features must be \"sqrt\", \"log2\", \"all\", an integer >= 1, or a number in (0, 1]")
            case .fraction(let fraction) where !(fraction > 0 && fraction <= 1):
                throw ModelError("max_features must be \"sqrt\", \"log2\", \"all\", an integer >= 1, or a number in (0, 1]")
            default: break
            }
            return Settings(
                criterion: criterion, maxDepth: maxDepth ?? Int.max, minSamplesSplit: minSamplesSplit,
                minSamplesLeaf: minSamplesLeaf, maxLeafNodes: maxLeafNodes,
                maxFeatures: (maxFeatures ?? .all).resolved(columns: columns),
                minImpurityDecrease: minImpurityDecrease
            )
        }
    }

    /// Checked settings with every default filled in, as the builder uses them.
    struct Settings: Sendable {
        var criterion: Criterion
        var maxDepth: Int
        var minSamplesSplit: Int
        var minSamplesLeaf: Int
        var maxLeafNodes: Int?
        var maxFeatures: Int
        var minImpurityDecrease: Double
    }
}
