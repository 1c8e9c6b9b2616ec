import MLEngine
import Reports

/// What a `train` search shows: how it ran and who won, the leaderboard, the score of each
/// trial with the best so far, and the space it explored.
struct SearchOutputs {
    let name: String
    let search: TrainSearch
    let spaces: [SearchSpace]
    let result: SearchResult
    let metric: String
    let scoring: String
    let foldCount: Int
    let trainingRows: Int
    /// Measured seconds per trial, only with `--timings`.
    let timings: TrialTimings?

    /// Rows of the leaderboard.
    static let leaderboardSize = 10

    func outputs() -> [ReportOutput] {
        var outputs: [ReportOutput] = [.table(summary()), .table(leaderboard())]
        if result.trials.count > 1 { outputs.append(.chart(progressChart())) }
        outputs.append(.table(exploredSpace()))
        outputs += result.notes.map { .note(Note(level: .info, "\(name): \($0)")) }
        if result.stoppedByDeadline {
            outputs.append(.note(Note(level: .warning,
                "\(name): the search stopped at its \(NumberFormat.compact(search.seconds ?? 0)) s wall-clock cap after \(result.trials.count) trials, so its result depends on this machine's speed and is not reproducible; budget it in `fits` only for a reproducible search")))
        }
        let failures = result.trials.filter { $0.score == nil }
        if let first = failures.first, case .failure(let failure) = first.outcome {
            outputs.append(.note(Note(level: .warning,
                "\(name): \(failures.count) of \(result.trials.count) trials failed; the first (trial \(first.request.index + 1)): \(failure.message)")))
        }
        return outputs
    }

    func records() -> [SearchTrialRecord] {
        result.trials.enumerated().map { index, trial in
            let failure: String? = if case .failure(let failure) = trial.outcome { failure.message } else { nil }
            return SearchTrialRecord(
                model: name, trial: index + 1, kind: trial.request.model.rawValue,
                parameters: trial.request.parameters.mapValues(TrainDirective.describe), metric: metric,
                mean: trial.score?.mean, std: trial.score?.std, resource: trial.request.resourceShare, error: failure,
                best: index == result.bestIndex)
        }
    }

    private func summary() -> Table {
        var rows: [(String, TableCell)] = [
            ("strategy", .text(strategyText)),
            ("models", .text(spaces.map(\.model.rawValue).joined(separator: ", "))),
            ("budget", .text(budgetText)),
            ("scored by", .text("\(metric) on \(scoring)")),
        ]
        if let best = result.best, let score = best.score {
            rows.append(("best trial", .text("\(best.request.index + 1): \(best.request.model.rawValue) \(parameterText(best.request, changingOnly: false))")))
            rows.append(("best \(metric)", .text(scoreText(score))))
            rows.append(("winner", .text("refitted on all \(NumberFormat.integer(trainingRows)) training rows as \(name)")))
        }
        return Table.keyValue(title: "Search for `\(name)`", rows)
    }

    private var strategyText: String {
        switch search.strategy {
        case .grid: "grid (\(search.points) values per numeric range)"
        case .random: "random"
        case .halving: "successive halving (factor 3, resource: \(resourceName))"
        case .tpe: "tpe (10 random start trials, 24 candidates, γ = min(⌈0.1 n⌉, 25))"
        case .auto: "auto (cost-frugal local search per model, the next model by estimated cost of improvement)"
        }
    }

    private var resourceName: String {
        switch search.resource {
        case .rows: "rows"
        case .parameter(let parameter): "`\(parameter)`"
        }
    }

    private var budgetText: String {
        let fits = result.fits
        var text = "\(NumberFormat.integer(fits)) fits: \(result.trials.count) trials"
        if foldCount > 1 { text += " × \(foldCount) folds" }
        if let asked = search.fits, asked != fits, !result.stoppedByDeadline {
            text += " (of \(NumberFormat.integer(asked)) budgeted)"
        }
        return text + ", plus 1 refit of the winner"
    }

    private func scoreText(_ score: TrialScore) -> String {
        foldCount > 1
            ? "\(NumberFormat.fixed(score.mean, decimals: 4)) ± \(NumberFormat.fixed(score.std, decimals: 4))"
            : NumberFormat.fixed(score.mean, decimals: 4)
    }

    /// The names of the parameters that differ between trials (of one model kind).
    private var changingParameters: [ModelKind: [String]] {
        var result: [ModelKind: [String]] = [:]
        for space in spaces { result[space.model] = space.dimensions.filter { !$0.domain.isFixed }.map(\.name) }
        return result
    }

    private func parameterText(_ request: TrialRequest, changingOnly: Bool = true) -> String {
        let names = changingOnly ? (changingParameters[request.model] ?? []) : request.parameters.keys.sorted()
        let shown = names.compactMap { name in request.parameters[name].map { "\(name)=\(TrainDirective.describe($0))" } }
        return shown.isEmpty ? "defaults" : shown.joined(separator: ", ")
    }

    /// The best trials on the full resource, best first (ties: the earlier trial).
    private func leaderboard() -> Table {
        let scored = result.trials.filter { $0.request.resourceShare == 1 && $0.score != nil }
        let ranked = scored.sorted { a, b in
            let (x, y) = (a.score?.mean ?? 0, b.score?.mean ?? 0)
            if x != y { return result.maximize ? x > y : x < y }
            return a.request.index < b.request.index
        }
        var columns = [TableColumn("rank", alignment: .right), TableColumn("trial", alignment: .right)]
        if spaces.count > 1 { columns.append(TableColumn("model")) }
        columns += [TableColumn("settings"), TableColumn(foldCount > 1 ? "\(metric) (mean ± std)" : metric, alignment: .right)]
        if timings != nil { columns.append(TableColumn("fit time", alignment: .right)) }
        let rows: [[TableCell]] = ranked.prefix(Self.leaderboardSize).enumerated().map { rank, trial in
            var row: [TableCell] = [.integer(rank + 1), .integer(trial.request.index + 1)]
            if spaces.count > 1 { row.append(.text(trial.request.model.rawValue)) }
            row.append(.text(parameterText(trial.request)))
            row.append(trial.score.map { .text(scoreText($0)) } ?? .missing)
            if let timings {
                row.append(timings.seconds(of: trial.request.index).map { .text(NumberFormat.duration(.seconds($0))) } ?? .missing)
            }
            return row
        }
        let partial = result.trials.count - ranked.count
        let title = "Leaderboard of `\(name)`: the best \(rows.count) of \(ranked.count) trials on the full resource"
            + (partial > 0 ? " (\(partial) more on a smaller share or failed)" : "")
        return Table(title: title, columns: columns, rows: rows, highlightedRow: rows.isEmpty ? nil : 0)
    }

    private func progressChart() -> Chart {
        var trialPoints: [Point] = []
        var bestPoints: [Point] = []
        for (index, (trial, best)) in zip(result.trials, result.bestSoFar).enumerated() {
            if trial.request.resourceShare == 1, let score = trial.score?.mean, score.isFinite {
                trialPoints.append(Point(x: Double(index + 1), y: score))
            }
            if let best { bestPoints.append(Point(x: Double(index + 1), y: best)) }
        }
        return Chart(
            title: "`\(name)`: \(metric) of each trial and the best so far",
            kind: .lines([Series(name: "trial", points: trialPoints), Series(name: "best so far", points: bestPoints)]),
            xLabel: "trial", yLabel: metric, yAxisSpansData: true)
    }

    private func exploredSpace() -> Table {
        var rows: [[TableCell]] = []
        for space in spaces {
            let tried = result.trials.filter { $0.request.model == space.model }
            for dimension in space.dimensions {
                let values = tried.compactMap { $0.request.parameters[dimension.name] }
                let bestValue = result.best.flatMap { $0.request.model == space.model ? $0.request.parameters[dimension.name] : nil }
                var row: [TableCell] = []
                if spaces.count > 1 { row.append(.text(space.model.rawValue)) }
                row += [
                    .text(dimension.name), .text(Self.describe(dimension.domain)), .text(Self.span(values)),
                    bestValue.map { .text(TrainDirective.describe($0)) } ?? .missing,
                ]
                rows.append(row)
            }
        }
        var columns: [TableColumn] = spaces.count > 1 ? [TableColumn("model")] : []
        columns += [TableColumn("parameter"), TableColumn("space"), TableColumn("tried"), TableColumn("best")]
        return Table(title: "The space `\(name)` explored", columns: columns, rows: rows)
    }

    static func describe(_ domain: SearchDomain) -> String {
        switch domain {
        case .integer(let low, let high, let log): "integers \(low) to \(high)\(log ? ", log scale" : "")"
        case .real(let low, let high, let log): "\(NumberFormat.compact(low)) to \(NumberFormat.compact(high))\(log ? ", log scale" : "")"
        case .choice(let values): "one of " + values.map(TrainDirective.describe).joined(separator: ", ")
        }
    }

    /// The smallest and largest value tried (numbers), or the distinct values (choices).
    static func span(_ values: [MLEngine.ParameterValue]) -> String {
        let numbers = values.compactMap { value -> Double? in
            if case .string = value { return nil }
            if case .bool = value { return nil }
            return value.doubleValue
        }
        if numbers.count == values.count, let low = numbers.min(), let high = numbers.max() {
            return low == high ? NumberFormat.compact(low) : "\(NumberFormat.compact(low)) – \(NumberFormat.compact(high))"
        }
        var distinct: [String] = []
        for value in values.map(TrainDirective.describe) where !distinct.contains(value) { distinct.append(value) }
        return distinct.joined(separator: ", ")
    }
}
