/// How ``DriftReport/compare(reference:current:features:policy:)`` decides drift.
public struct DriftPolicy: Sendable, Equatable {
    /// The test of every feature not named in ``tests``; `nil` chooses per feature by
    /// Evidently's rule (``DriftTest/evidentlyDefault(type:referenceCount:distinctValues:)``).
    public var test: DriftTest?
    /// Tests for named features.
    public var tests: [String: DriftTest]
    /// The threshold of every feature not named in ``thresholds``; `nil` uses each test's
    /// ``DriftTest/defaultThreshold``.
    public var threshold: Double?
    /// Thresholds for named features.
    public var thresholds: [String: Double]
    /// The dataset drifts when at least this share of its features drift.
    public var shareThreshold: Double
    /// The p-value below which a changed missing share is reported.
    public var findingsPValue: Double
    /// Buckets of the PSI computed beside every test.
    public var psiBins: Int
    /// With weights (a model's feature importances), the dataset's drifted share is the
    /// weight of the drifted features over the weight of all compared ones, so drift in a
    /// feature the model relies on counts for more; a feature without a weight weighs 0.
    /// `nil` counts every feature once (Evidently's rule).
    public var featureWeights: [String: Double]?

    /// Creates a policy; the defaults are Evidently's.
    public init(
        test: DriftTest? = nil, tests: [String: DriftTest] = [:], threshold: Double? = nil,
        thresholds: [String: Double] = [:], shareThreshold: Double = 0.5, findingsPValue: Double = 0.05,
        psiBins: Int = 10
    ) {
        self.test = test
        self.tests = tests
        self.threshold = threshold
        self.thresholds = thresholds
        self.shareThreshold = shareThreshold
        self.findingsPValue = findingsPValue
        self.psiBins = psiBins
    }

    /// The test chosen for `feature`, before the default rule.
    func requestedTest(for feature: String) -> DriftTest? { tests[feature] ?? test }

    /// The threshold for `feature` under `test`.
    func threshold(for feature: String, test: DriftTest) -> Double {
        thresholds[feature] ?? threshold ?? test.defaultThreshold
    }
}
