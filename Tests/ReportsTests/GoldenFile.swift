import Foundation
import Testing

/// Golden-file comparison. Set `LABBOOK_RECORD=1` to re-record: the actual
/// output is written into the source tree (next to this file) and the test
/// fails, saying so, so a re-record is never silent.
enum GoldenFile {
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["LABBOOK_RECORD"] == "1"
    }

    static func assertMatches(
        _ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if isRecording {
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent(name)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Re-recorded \(url.path); unset LABBOOK_RECORD and run again.", sourceLocation: sourceLocation)
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Golden").appendingPathComponent(name),
            let expected = try? String(contentsOf: url, encoding: .utf8)
        else {
            Issue.record("Missing golden file Golden/\(name); run with LABBOOK_RECORD=1 to record it.", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let difference = firstDifferentLine(actual, expected)
            Issue.record(
                "Output differs from Golden/\(name) at line \(difference); if the change is intended, re-record with LABBOOK_RECORD=1.",
                sourceLocation: sourceLocation)
        }
    }

    private static func firstDifferentLine(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r { return "\(index + 1):\n  actual:   \(l)\n  expected: \(r)" }
        }
        return "?"
    }
}
