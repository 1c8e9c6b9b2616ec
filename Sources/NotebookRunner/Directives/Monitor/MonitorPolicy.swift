import MLEngine
import NotebookFormat

/// Reads `monitor`'s drift settings into a ``DriftPolicy``:
///
/// ```monitor
/// test: psi                       # every feature (default: Evidently's choice per feature)
/// tests: {age: ks, workclass: chisquare}
/// threshold: 0.2                  # every feature (default: each test's own)
/// thresholds: {age: 0.01}
/// drift_share: 0.5
/// weighting: importance           # drifted share weighted by the model's feature importances
/// ```
enum MonitorPolicy {
    static let keys = ["test", "tests", "threshold", "thresholds", "drift_share", "weighting"]

    /// Whether `weighting: importance` was asked for (the weights come from the model at run time).
    static func weighsByImportance(_ spec: SpecReader) -> Bool {
        spec.choice("weighting", among: ["features", "importance"]) == "importance"
    }
    static let testNames = DriftTest.allCases.map(\.rawValue)

    /// The policy, and the features named in `tests` / `thresholds` with their places (to check against the data).
    static func read(_ spec: SpecReader) -> (policy: DriftPolicy, mentioned: [(value: String, location: SourceLocation)]) {
        var policy = DriftPolicy()
        var mentioned: [(value: String, location: SourceLocation)] = []
        if let name = spec.string("test") {
            policy.test = test(named: name, at: spec.location(of: "test"), spec: spec)
        }
        for entry in spec.entries("tests") ?? [] {
            mentioned.append((entry.key, entry.keyLocation))
            guard let name = entry.value.value.scalarText else {
                spec.error("a test is one of \(testNames.joined(separator: ", "))", at: entry.value.location)
                continue
            }
            if let test = test(named: name, at: entry.value.location, spec: spec) { policy.tests[entry.key] = test }
        }
        policy.threshold = spec.double("threshold", range: 0...1_000)
        for entry in spec.entries("thresholds") ?? [] {
            mentioned.append((entry.key, entry.keyLocation))
            guard let value = entry.value.value.scalarText.flatMap(Double.init), value.isFinite, value >= 0 else {
                spec.error("a threshold is a number ≥ 0", at: entry.value.location)
                continue
            }
            policy.thresholds[entry.key] = value
        }
        policy.shareThreshold = spec.double("drift_share", range: 0...1) ?? 0.5
        return (policy, mentioned)
    }

    private static func test(named name: String, at location: SourceLocation, spec: SpecReader) -> DriftTest? {
        if let test = DriftTest(rawValue: name.lowercased()) { return test }
        let aliases: [String: DriftTest] = [
            "kolmogorov-smirnov": .ks, "k-s": .ks, "chi2": .chiSquare, "chi-square": .chiSquare,
            "js": .jensenShannon, "jensen-shannon": .jensenShannon, "ztest": .zTest, "z-test": .zTest,
            "wasserstein_distance": .wasserstein, "emd": .wasserstein,
            "anderson-darling": .andersonDarling, "anderson_ksamp": .andersonDarling, "ad": .andersonDarling,
        ]
        if let test = aliases[name.lowercased()] { return test }
        spec.error(
            "unknown drift test `\(name)`", at: location,
            hint: NameSuggestion.hint(for: name, among: testNames) ?? "tests: " + testNames.joined(separator: ", "))
        return nil
    }
}
