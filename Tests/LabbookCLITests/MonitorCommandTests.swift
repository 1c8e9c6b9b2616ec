import ArgumentParser
import Foundation
import NotebookRunner
import Testing
@testable import labbook

/// `labbook monitor` against a model a notebook deployed: exit 4 on drift, reports written whole.
@Suite struct MonitorCommandTests {
    static func csv(rows: Int, shift: Double, missing: String = "") -> String {
        var lines = ["x;color;y"]
        for row in 0..<rows {
            let x = Double(row % 50) + shift
            let color = ["red", "green", "blue"][row % 3]
            lines.append("\(row % 17 == 0 ? missing.isEmpty ? String(x) : missing : String(x));\(color);\(x > 25 ? "yes" : "no")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func driftExitsFourAndNoDriftExitsZero() throws {
        let root = NSTemporaryDirectory() + "labbook-monitor-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        try Data(Self.csv(rows: 600, shift: 0, missing: "-").utf8).write(to: URL(fileURLWithPath: root + "/data/train.csv"))
        try Data(Self.csv(rows: 600, shift: 0, missing: "-").utf8).write(to: URL(fileURLWithPath: root + "/data/same.csv"))
        try Data(Self.csv(rows: 600, shift: 20, missing: "-").utf8).write(to: URL(fileURLWithPath: root + "/data/shifted.csv"))
        let notebook = [
            "```load", "name: d", "from: data/train.csv", "delimiter: \";\"", "missing: [\"-\"]", "target: y",
            "positive: \"yes\"", "```",
            "```train", "name: m", "data: d", "model: logistic_regression", "```",
            "```deploy", "model: m", "as: watched", "alias: production", "```",
        ].joined(separator: "\n") + "\n"
        try Data(notebook.utf8).write(to: URL(fileURLWithPath: root + "/nb.md"))
        let outcome = Runner.run(RunOptions(notebookPath: root + "/nb.md", outputDirectory: root + "/reports"))
        #expect(outcome.exitCode == 0)
        let registry = root + "/.labbook/registry"

        // Read with the reference's `;` delimiter and `-` marker: no drift, exit 0.
        var same = try MonitorCommand.parse(["watched@production", "--current", root + "/data/same.csv", "--registry", registry])
        try same.run()

        var shifted = try MonitorCommand.parse([
            "watched@production", "--current", root + "/data/shifted.csv", "--registry", registry, "--out", root + "/drift",
        ])
        #expect(throws: ExitCode(4)) { try shifted.run() }
        let json = try String(contentsOfFile: root + "/drift/watched-drift.json", encoding: .utf8)
        #expect(json.contains("\"drifted\": true") || json.contains("\"drifted\" : true"))
        let markdown = try String(contentsOfFile: root + "/drift/watched-drift.md", encoding: .utf8)
        #expect(markdown.contains("Drift detected"))
        #expect(FileManager.default.fileExists(atPath: root + "/drift/watched-drift.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root + "/drift").filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)

        #expect(throws: (any Error).self) {
            var bad = try MonitorCommand.parse(["watched@production", "--current", root + "/data/same.csv", "--registry", registry, "--test", "kss"])
            try bad.run()
        }
    }
}
