import NotebookFormat

/// The cache keys of a plan's directives: a Merkle DAG over the names they define and use.
enum CacheKeys {
    /// One key per plan step (`nil` when a file it reads cannot be fingerprinted, or when a
    /// directive it depends on has no key).
    ///
    /// - Parameters:
    ///   - seed: the notebook seed every directive receives.
    ///   - options: run options that change outputs, e.g. `timings=true`.
    ///   - fingerprint: the `sha256:` content fingerprint of a data file, by its path as
    ///     written in the notebook.
    static func compute(
        _ plan: NotebookPlan, seed: UInt64, options: [String] = [], fingerprint: (String) -> String?
    ) -> [String?] {
        var keys: [String?] = []
        for (index, step) in plan.steps.enumerated() {
            let directive = step.directive
            var upstream: [String] = []
            var complete = true
            for producer in producers(of: index, in: plan) {
                guard let key = keys[producer] else {
                    complete = false
                    break
                }
                if !upstream.contains(key) { upstream.append(key) }
            }
            var files: [(path: String, fingerprint: String)] = []
            for path in directive.dataFiles {
                guard let value = fingerprint(path) else {
                    complete = false
                    break
                }
                files.append((path, value))
            }
            guard complete else {
                keys.append(nil)
                continue
            }
            let key = CacheKey(
                kind: step.cell.kind, spec: step.cell.body, upstream: upstream, files: files, seed: seed, options: options)
            keys.append(key.value)
        }
        return keys
    }

    /// The earlier steps whose results step `index` uses, in plan order: those that define
    /// a name it reads, and those that evaluated a model whose metrics it reads.
    static func producers(of index: Int, in plan: NotebookPlan) -> [Int] {
        let directive = plan.steps[index].directive
        let names = Set(directive.inputs)
        let evaluated = Set(directive.evaluationInputs)
        return (0..<index).filter { earlier in
            let candidate = plan.steps[earlier].directive
            return !names.isDisjoint(with: candidate.outputs) || !evaluated.isDisjoint(with: candidate.evaluatedModels)
        }
    }
}
