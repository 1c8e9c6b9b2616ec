import Foundation
import MLEngine
import NotebookFormat
import Reports

/// What a model must show before `deploy` moves its alias: predictive requirements
/// (`roc_auc: ">= 0.85"`), processing requirements (`latency_p99_us: "<= 200"`, `size_mb: "<= 5"`)
/// and, with `beat`, a better score than the version the alias points at now, on the same data.
///
/// ```deploy
/// model: tree
/// as: income-classifier
/// alias: production
/// require: {roc_auc: ">= 0.85", latency_p99_us: "<= 500", size_mb: "<= 5"}
/// beat: {alias: production, margin: 0.005}
/// ```
struct DeployGates: Sendable {
    /// One `require` entry.
    struct Requirement: Sendable {
        var metric: String
        var goal: GoalExpression
        var text: String
    }

    /// `beat`: the challenger must score at least `margin` better than the champion.
    struct Champion: Sendable {
        var alias: String
        var margin: Double
        /// The metric compared; `nil` for the task's headline metric (ROC AUC, R²).
        var metric: String?
        /// The held-out data both are scored on; `nil` for the training dataset's `.test` part.
        var data: String?
    }

    /// One gate's outcome, as the report's table shows it.
    struct Outcome: Sendable {
        var gate: String
        var requirement: String
        var measured: String
        var passed: Bool
    }

    static let processingMetrics = ["latency_p50_us", "latency_p99_us", "size_mb"]
    static let beatKeys = ["alias", "margin", "metric", "data"]

    var requirements: [Requirement] = []
    var champion: Champion?

    var isEmpty: Bool { requirements.isEmpty && champion == nil }

    /// Decodes `require` and `beat`, reporting problems at their place.
    init(spec: SpecReader, plan: PlanContext) {
        let names = MetricCatalog.scalar + Self.processingMetrics
        for entry in spec.entries("require") ?? [] {
            guard names.contains(entry.key) else {
                spec.error(
                    "cannot require `\(entry.key)`; requirements take \(names.joined(separator: ", "))", at: entry.keyLocation,
                    hint: MetricCatalog.commonNames[entry.key].map { "did you mean `\($0)`?" }
                        ?? NameSuggestion.hint(for: entry.key, among: names))
                continue
            }
            guard let text = entry.value.value.scalarText, let goal = GoalExpression(text) else {
                spec.error("a requirement is a comparison such as \">= 0.85\"", at: entry.value.location)
                continue
            }
            requirements.append(Requirement(metric: entry.key, goal: goal, text: text))
        }
        guard let node = spec.node("beat") else { return }
        if let alias = node.value.scalarText {
            champion = Champion(alias: alias, margin: 0)
        } else if let beat = spec.mapping("beat", allowedKeys: Self.beatKeys) {
            let metric = beat.choice("metric", among: MetricCatalog.scalar)
            let data = beat.string("data")
            if let data { plan.resolveDataset(data, at: beat.location(of: "data"), spec: beat) }
            if let alias = beat.string("alias", required: true) {
                champion = Champion(alias: alias, margin: beat.double("margin", range: 0...1e9) ?? 0, metric: metric, data: data)
            }
        }
        if let alias = champion?.alias, !ModelRegistry.isValidName(alias) {
            spec.error("`beat` names an alias: letters, digits, `.`, `_` and `-`; got `\(alias)`", at: spec.location(of: "beat"))
            champion = nil
        }
    }

    /// The dataset base names the gates read besides the model's own.
    var inputs: [String] { champion?.data.map { [PlanContext.split($0).base] } ?? [] }

    /// Checks every gate for `candidate`, registered as `manifest`, and returns the outcomes in order.
    func check(
        _ candidate: TrainedModelEntry, manifest: ModelManifest, recorded: [String: Double], context: DirectiveContext
    ) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        var latency: ModelEvaluation.Latency?
        for requirement in requirements {
            let value: Double?
            var shown: String
            switch requirement.metric {
            case "size_mb":
                let path = "\(context.registry.root)/\(manifest.name)/\(manifest.version)/model.json"
                let bytes = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
                value = Double(bytes) / 1_000_000
                shown = NumberFormat.fixed(value ?? 0, decimals: 3)
            case "latency_p50_us", "latency_p99_us":
                if latency == nil {
                    let frame = try context.dataset(candidate.trainedOn).frame
                    latency = try ModelEvaluation.singleRowLatency(of: candidate.model, on: frame)
                }
                let seconds = requirement.metric == "latency_p50_us" ? latency?.p50 : latency?.p99
                value = seconds.map { $0 * 1e6 }
                // Machine-dependent: shown only with --timings, so reports stay byte-identical.
                shown = context.reportTimings ? NumberFormat.fixed(value ?? .nan, decimals: 1) : "measured on this machine"
            default:
                value = recorded[requirement.metric]
                shown = value.map { NumberFormat.fixed($0, decimals: 4) } ?? "not evaluated"
            }
            outcomes.append(Outcome(
                gate: requirement.metric, requirement: requirement.text, measured: shown,
                passed: value.map { requirement.goal.isMet(by: $0) } ?? false))
        }
        if let champion { outcomes.append(try beat(champion, candidate: candidate, manifest: manifest, context: context)) }
        return outcomes
    }

    /// Scores the champion (the version `alias` points at) and the candidate on the same data.
    private func beat(
        _ champion: Champion, candidate: TrainedModelEntry, manifest: ModelManifest, context: DirectiveContext
    ) throws -> Outcome {
        let gate = "beat `\(champion.alias)`"
        guard let version = try? context.registry.version(ofAlias: champion.alias, name: manifest.name) else {
            return Outcome(gate: gate, requirement: "better than the current version", measured: "no version is `\(champion.alias)` yet", passed: true)
        }
        guard version != manifest.version else {
            return Outcome(gate: gate, requirement: "better than the current version", measured: "this is version \(version), the champion", passed: true)
        }
        let (model, _) = try context.registry.load(name: manifest.name, version: version)
        let data = champion.data ?? PlanContext.split(candidate.trainedOn).base + ".test"
        let view = try context.dataset(data)
        let challengerScores = try ModelEvaluation.measure(candidate, on: view, threshold: 0.5)
        let championEntry = TrainedModelEntry(
            name: "\(manifest.name)@\(champion.alias)", model: model, trainedOn: candidate.trainedOn, features: candidate.features)
        let championScores = try ModelEvaluation.measure(championEntry, on: view, threshold: 0.5)
        let metric = champion.metric
            ?? MetricCatalog.headline(among: MetricCatalog.scalar(for: candidate.model.task), task: candidate.model.task) ?? "accuracy"
        guard let challenger = challengerScores.values[metric], let incumbent = championScores.values[metric] else {
            throw DirectiveError("`\(metric)` is not defined for this model's task", key: "beat")
        }
        let lower = MetricCatalog.lowerIsBetter.contains(metric)
        let passed = lower ? challenger <= incumbent - champion.margin : challenger >= incumbent + champion.margin
        let margin = champion.margin > 0 ? " by \(NumberFormat.compact(champion.margin))" : ""
        return Outcome(
            gate: gate, requirement: "\(metric) on `\(data)` \(lower ? "lower" : "higher") than version \(version)\(margin)",
            measured: "\(NumberFormat.fixed(challenger, decimals: 4)) vs \(NumberFormat.fixed(incumbent, decimals: 4))",
            passed: passed)
    }

    /// The gates table and the decision line.
    static func outputs(_ outcomes: [Outcome], alias: String?, version: Int) -> [ReportOutput] {
        guard !outcomes.isEmpty else { return [] }
        let table = Table(
            title: "Deployment gates",
            columns: [TableColumn("gate"), TableColumn("requirement"), TableColumn("measured", alignment: .right), TableColumn("result")],
            rows: outcomes.map { [.text($0.gate), .text($0.requirement), .text($0.measured), .text($0.passed ? "pass" : "fail")] })
        let failed = outcomes.filter { !$0.passed }.map(\.gate)
        let decision: String
        if failed.isEmpty {
            decision = alias.map { "Every gate passed: `\($0)` now points at version \(version)." } ?? "Every gate passed."
        } else {
            decision = "Not promoted: \(failed.joined(separator: ", ")) failed; version \(version) is registered"
                + (alias.map { ", and `\($0)` stays where it was." } ?? ".")
        }
        return [.table(table), .note(Note(level: failed.isEmpty ? .info : .warning, decision))]
    }
}
