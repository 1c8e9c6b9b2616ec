import Foundation

extension Runner {
    /// Proves a notebook reproducible: runs it twice from scratch (each with a fresh temporary
    /// state folder, so nothing is cached, and its own temporary output folder), then once more
    /// reusing the second run's state folder, and compares the three HTML and Markdown reports
    /// byte for byte. The runs are not recorded in the run store (whose history section would
    /// differ between them). Temporary folders are removed afterwards. `options.outputDirectory` and
    /// `options.stateDirectory` are ignored.
    public static func verify(_ options: RunOptions) -> VerifyOutcome {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("labbook-verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folders = [("state-1", "out-1"), ("state-2", "out-2"), ("state-2", "out-3")].map {
            ((root as NSString).appendingPathComponent($0.0), (root as NSString).appendingPathComponent($0.1))
        }
        var runs: [RunOutcome] = []
        for (state, output) in folders {
            var runOptions = options
            runOptions.stateDirectory = state
            runOptions.outputDirectory = output
            // The runs stay out of the run store: its history section would differ between them.
            runOptions.recordsRun = false
            let outcome = run(runOptions)
            runs.append(outcome)
            if outcome.exitCode == 2 || outcome.reportPaths.isEmpty {
                return VerifyOutcome(
                    exitCode: max(outcome.exitCode, 1), diagnostics: outcome.diagnostics, runs: runs, difference: nil,
                    comparedFiles: [])
            }
        }
        let files = runs[0].reportPaths.map { ($0 as NSString).lastPathComponent }
        for file in files {
            let texts = folders.map { readNotebook(($0.1 as NSString).appendingPathComponent(file)) }
            for other in 1..<texts.count {
                if let difference = firstDifference(file: file, texts[0], texts[other], runs: (1, other + 1)) {
                    return VerifyOutcome(exitCode: 1, diagnostics: [], runs: runs, difference: difference, comparedFiles: files)
                }
            }
        }
        return VerifyOutcome(
            exitCode: runs.map(\.exitCode).max() ?? 0, diagnostics: [], runs: runs, difference: nil, comparedFiles: files)
    }

    /// The first line where `a` and `b` differ, or `nil` when they are identical.
    static func firstDifference(
        file: String, _ a: String?, _ b: String?, runs: (Int, Int)
    ) -> VerifyOutcome.Difference? {
        guard a != b else { return nil }
        let left = (a ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let right = (b ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : nil
            let r = index < right.count ? String(right[index]) : nil
            if l != r { return .init(file: file, line: index + 1, runs: runs, texts: (l, r)) }
        }
        return .init(file: file, line: 1, runs: runs, texts: (a == nil ? "(unreadable)" : nil, b == nil ? "(unreadable)" : nil))
    }
}
