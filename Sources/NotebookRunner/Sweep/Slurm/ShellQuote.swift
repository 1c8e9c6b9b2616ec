/// POSIX shell quoting for the Slurm array script: every word in single quotes, so nothing
/// in a path or parameter value (spaces, `$`, backquotes, `;`, newlines) is interpreted.
enum ShellQuote {
    /// `it's` → `'it'\''s'`; the empty string → `''`.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The words quoted and joined by spaces.
    static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
