public import NotebookFormat
/// How `labbook verify` ended.
public struct VerifyOutcome: Sendable {
    /// The first place where two runs' reports differ.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        /// The report file's name, e.g. `income.html`.
        public var file: String
        /// 1-based line number.
        public var line: Int
        /// Which two runs differ (1-based: the first cold run, the second cold run, the cached run).
        public var runs: (Int, Int)
        /// The line in each run's report (`nil` past the end of the file).
        public var texts: (String?, String?)

        public var description: String {
            "\(file):\(line): run \(runs.0) and run \(runs.1) differ\n  run \(runs.0): \(texts.0 ?? "(end of file)")\n  run \(runs.1): \(texts.1 ?? "(end of file)")"
        }

        public static func == (lhs: Difference, rhs: Difference) -> Bool {
            lhs.file == rhs.file && lhs.line == rhs.line && lhs.runs == rhs.runs && lhs.texts == rhs.texts
        }
    }

    /// 1 when the reports differ; otherwise the runs' own exit code (0 when they succeeded).
    public var exitCode: Int32
    /// Problems before running (an invalid notebook) or while comparing.
    public var diagnostics: [Diagnostic]
    /// The three runs, in order: cold, cold, from the second run's state.
    public var runs: [RunOutcome]
    /// The first difference found, or `nil` when every report is byte-identical.
    public var difference: Difference?
    /// The report files compared (names), e.g. `income.html`, `income.md`.
    public var comparedFiles: [String]
}
