import Foundation

/// Successive halving (Jamieson & Talwalkar; scikit-learn's `HalvingRandomSearchCV`): random
/// settings on a small share of the resource, the best 1/factor of each rung promoted to
/// factor× the resource, the last rung on all of it.
///
/// With a budget of N trials the first rung is as large as fits: n₀ candidates, then
/// ⌈n₀/η⌉, ⌈n₀/η²⌉, … down to 1, the sum at most N; trials left over go to the last rung
/// (more finalists on the full resource), so exactly N trials run whenever the rungs allow.
struct SuccessiveHalving {
    let search: HyperparameterSearch

    /// The candidates per rung for a budget of `trials` and factor `factor`.
    static func schedule(trials: Int, factor: Int) -> [Int] {
        guard trials >= 1 else { return [] }
        func rungs(_ first: Int) -> [Int] {
            var counts = [first]
            while let last = counts.last, last > 1 { counts.append((last + factor - 1) / factor) }
            return counts
        }
        var first = trials
        while first > 1, rungs(first).reduce(0, +) > trials { first -= 1 }
        var counts = rungs(first)
        var leftover = trials - counts.reduce(0, +)
        // Extra finalists: grow the later rungs (never beyond the rung before them).
        var rung = counts.count - 1
        while leftover > 0, rung > 0 {
            let room = counts[rung - 1] - counts[rung]
            let added = min(room, leftover)
            counts[rung] += added
            leftover -= added
            rung -= 1
        }
        counts[0] += leftover
        return counts
    }

    func run(_ log: inout TrialLog) {
        let space = search.spaces[0]
        let counts = Self.schedule(trials: search.trials, factor: search.halvingFactor)
        var generator = SeededGenerator(seed: search.seed).derived("halving")
        var candidates: [[String: ParameterValue]] = (0..<(counts.first ?? 0)).map { _ in
            space.parameters(atUnit: space.dimensions.map { _ in generator.nextDouble() })
        }
        let last = counts.count - 1
        for (rung, count) in counts.enumerated() {
            let share = pow(Double(search.halvingFactor), Double(rung - last))
            let requests = candidates.prefix(count).enumerated().map { offset, parameters in
                request(index: log.trials.count + offset, space: space, parameters: parameters, share: share, rung: rung)
            }
            let scored = log.evaluate(requests)
            guard rung < last else { break }
            // Promote by score (failed trials last), ties to the earlier trial.
            let ranked = scored.enumerated().sorted { a, b in
                switch (a.element.score?.mean, b.element.score?.mean) {
                case (let x?, let y?) where x != y && !x.isNaN && !y.isNaN: return log.loss(x) < log.loss(y)
                case (.some(let x), nil) where !x.isNaN: return true
                case (nil, .some(let y)) where !y.isNaN: return false
                default: return a.offset < b.offset
                }
            }
            candidates = ranked.map { candidates[$0.offset] }
        }
        log.notes.append("successive halving: rungs of " + counts.map(String.init).joined(separator: ", ")
            + " candidates, each on \(search.halvingFactor)× the previous rung's \(resourceName)")
    }

    private var resourceName: String {
        switch search.halvingResource {
        case .rows: "rows"
        case .parameter(let name): "`\(name)`"
        }
    }

    private func request(index: Int, space: SearchSpace, parameters: [String: ParameterValue], share: Double, rung: Int) -> TrialRequest {
        switch search.halvingResource {
        case .rows:
            let rows = max(share, search.minimumRowShare)
            let resource = rows >= 1 ? 1 : rows
            return TrialRequest(
                index: index, model: space.model, parameters: parameters, rowShare: resource, resourceShare: resource, rung: rung)
        case .parameter(let name):
            var scaled = parameters
            let full = parameters[name]?.intValue
                ?? space.model.parameters.first(where: { $0.name == name })?.defaultValue?.intValue ?? 100
            let count = max(1, Int((Double(full) * share).rounded()))
            scaled[name] = .int(count)
            return TrialRequest(
                index: index, model: space.model, parameters: scaled, resourceShare: count >= full ? 1 : share, rung: rung)
        }
    }
}
