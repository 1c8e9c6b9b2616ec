import MLEngine
import NotebookFormat

/// Reads the `space` of a `train` search: each parameter a range `{low, high, log}` (integers
/// when both bounds are), a list of choices, or a single value held fixed.
enum SearchSpaceReader {
    static let rangeKeys = ["low", "high", "log"]

    /// The dimensions of `model`'s space, every problem reported at its place; `nil` after one.
    static func dimensions(
        _ entries: [SpecEntry], model: ModelKind, fixed: [String: MLEngine.ParameterValue], spec: SpecReader
    ) -> [SearchDimension]? {
        var dimensions: [SearchDimension] = []
        var valid = true
        for entry in entries {
            guard ModelParameterEntry.isKnown(entry, model: model, spec: spec) else {
                valid = false
                continue
            }
            if fixed[entry.key] != nil {
                spec.error("`\(entry.key)` is fixed in `params` and searched here; keep one", at: entry.keyLocation)
                valid = false
                continue
            }
            guard let domain = domain(entry.value, spec: spec) else {
                valid = false
                continue
            }
            let dimension = SearchDimension(name: entry.key, domain: domain, start: start(of: entry.key, in: domain, model: model))
            do throws(ModelError) {
                try SearchSpace(model: model, dimensions: [dimension]).validate()
                dimensions.append(dimension)
            } catch {
                spec.error(error.message, at: entry.value.location)
                valid = false
            }
        }
        return valid ? dimensions : nil
    }

    private static func domain(_ node: SpecNode, spec: SpecReader) -> SearchDomain? {
        switch node.value {
        case .list(let items):
            var values: [MLEngine.ParameterValue] = []
            for item in items {
                guard let value = ModelParameterEntry.value(item) else {
                    spec.error("a choice must be a number, boolean or string; found \(item.typeName)", at: item.location)
                    return nil
                }
                if !values.contains(value) { values.append(value) }
            }
            guard !values.isEmpty else {
                spec.error("a list of choices needs at least one value", at: node.location)
                return nil
            }
            return .choice(values)
        case .map(let entries):
            let range = SpecReader(node, directive: "space", at: node.location, allowedKeys: rangeKeys, log: spec.log)
            guard let lowNode = range.node("low"), let highNode = range.node("high") else {
                spec.error("a range needs `low` and `high`, e.g. {low: 0.01, high: 0.3, log: true}", at: node.location)
                return nil
            }
            let log = range.bool("log") ?? false
            guard entries.allSatisfy({ rangeKeys.contains($0.key) }) else { return nil }
            switch (lowNode.value, highNode.value) {
            case (.int(let low), .int(let high)):
                return .integer(low: low, high: high, log: log)
            default:
                guard let low = range.double("low"), let high = range.double("high") else { return nil }
                return .real(low: low, high: high, log: log)
            }
        default:
            guard let value = ModelParameterEntry.value(node) else {
                spec.error("a searched parameter is a range, a list of choices or one value; found \(node.typeName)", at: node.location)
                return nil
            }
            return .choice([value])
        }
    }

    /// Where a cost-frugal search starts on a written dimension: the default space's low-cost
    /// start when it lies inside, else the low bound of a size parameter (iterations, trees,
    /// leaves), else the middle (`nil`).
    static func start(of name: String, in domain: SearchDomain, model: ModelKind) -> MLEngine.ParameterValue? {
        if let start = SearchSpace.defaults(for: model).dimensions.first(where: { $0.name == name })?.start,
           domain.unit(of: start) != nil
        {
            return start
        }
        if case .integer(let low, _, _) = domain, ["max_iter", "n_estimators", "max_leaf_nodes", "max_depth"].contains(name) {
            return .int(low)
        }
        return nil
    }
}
