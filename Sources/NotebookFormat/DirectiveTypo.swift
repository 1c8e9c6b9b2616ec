/// Spots a fenced block whose info word looks like a misspelt directive (```` ```evaluat ````,
/// ```` ```Train ````) so the notebook does not silently treat it as plain code.
enum DirectiveTypo {
    /// The directive kind `word` is probably a typo of, or `nil` when it looks deliberate.
    ///
    /// Close means equal ignoring case, or within edit distance 2 (1 for words of up to
    /// four letters, so that ```` ```lua ```` or ```` ```lean ```` stay plain code).
    static func intended(_ word: String, among kinds: Set<String>) -> String? {
        guard !word.isEmpty, !kinds.contains(word) else { return nil }
        let lowered = Array(word.lowercased())
        let allowed = lowered.count <= 4 ? 1 : 2
        var best: (kind: String, distance: Int)?
        for kind in kinds.sorted() {
            let distance = NameSuggestion.editDistance(lowered, Array(kind.lowercased()))
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (kind, distance) }
        }
        return best?.kind
    }

    /// Reports a warning at the fence when `word` is close to a directive kind.
    static func check(_ word: String, among kinds: Set<String>, at location: SourceLocation, log: DiagnosticLog) {
        guard let kind = intended(word, among: kinds) else { return }
        log.report(
            "`\(word)` is not a directive, so this block is shown as code", at: location,
            hint: "did you mean `\(kind)`?", severity: .warning)
    }
}
