import Foundation

extension Runner {
    /// The directive cache for one run of `plan`: data files fingerprinted (memoised) and
    /// every directive's key computed, before anything executes. Under `--no-cache` the keys
    /// are still computed (they identify the results in `run.json`), but nothing is written.
    static func makeCache(plan: NotebookPlan, context: RunContext, options: RunOptions, state: String) -> DirectiveCache {
        let store = CacheStore(stateDirectory: state)
        let fingerprints = FileFingerprints(cacheRoot: store.root)
        var planned: [String: String] = [:]
        let keys = CacheKeys.compute(plan, seed: context.seed, options: options.reportTimings ? ["timings=true"] : []) { path in
            let fingerprint = fingerprints.fingerprint(of: context.resolve(path))
            planned[path] = fingerprint
            return fingerprint
        }
        if options.useCache { fingerprints.save() }
        let cache = DirectiveCache(
            store: store, plan: plan, registry: context.registry, keys: keys, fileFingerprints: planned, useCache: options.useCache)
        cache.knownFingerprints = KnownFingerprints(files: fingerprints.observed)
        return cache
    }
}
