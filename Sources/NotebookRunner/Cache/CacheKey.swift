import MLEngine
import NotebookFormat

/// What a directive's result depends on; its SHA-256 is the directive's cache key.
///
/// The key covers the directive kind, its spec after parameter substitution in a normalised
/// form (top-level keys sorted, YAML formatting and comments gone), the keys of the
/// directives whose results it uses, the content fingerprints of the files it reads, the seed,
/// run options that change outputs, and `EngineInfo.version`. Prose is never part of it, so
/// editing prose changes no key, while a change anywhere upstream changes every key below it.
///
/// ```swift
/// let key = CacheKey(kind: "train", spec: body, upstream: [loadKey], files: [], seed: 42).value
/// // "sha256:…"
/// ```
struct CacheKey: Sendable, Equatable {
    /// The directive kind (`train`).
    var kind: String
    /// The normalised spec text (see ``normalisedSpec(_:)``).
    var spec: String
    /// Keys of the directives whose results this one uses, in plan order.
    var upstream: [String]
    /// Files read: path as written in the notebook and `sha256:` content fingerprint.
    var files: [(path: String, fingerprint: String)]
    /// The seed the directive receives.
    var seed: UInt64
    /// Run options that change outputs (`timings=true`), sorted.
    var options: [String]
    /// The engine version.
    var engineVersion: String

    init(
        kind: String, spec: SpecNode?, upstream: [String], files: [(path: String, fingerprint: String)], seed: UInt64,
        options: [String] = [], engineVersion: String = EngineInfo.version
    ) {
        self.kind = kind
        self.spec = spec.map(Self.normalisedSpec) ?? ""
        self.upstream = upstream
        self.files = files
        self.seed = seed
        self.options = options.sorted()
        self.engineVersion = engineVersion
    }

    /// The text that is hashed: one labelled line per ingredient.
    var text: String {
        var lines = ["labbook-cache-key 1", "kind " + kind, "engine " + engineVersion, "seed \(seed)", "spec " + spec]
        lines += options.map { "option " + $0 }
        lines += upstream.map { "upstream " + $0 }
        lines += files.map { "file \($0.fingerprint) " + SpecValue.string($0.path).canonical }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `sha256:<64 hex digits>` of ``text``.
    var value: String { "sha256:" + Digest.sha256Hex(text) }

    /// The spec's canonical text with top-level keys sorted: a directive reads its keys by
    /// name, so their order is meaningless, whereas nested order (e.g. `expect`) may show in
    /// the report and is kept.
    static func normalisedSpec(_ node: SpecNode) -> String {
        guard case .map(let entries) = node.value else { return node.canonical }
        let sorted = entries.sorted { $0.key < $1.key }
        return SpecValue.map(sorted).canonical
    }

    static func == (lhs: CacheKey, rhs: CacheKey) -> Bool { lhs.text == rhs.text }
}
