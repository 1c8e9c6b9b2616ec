import ArgumentParser
import Foundation
import MLEngine
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
        let same = try MonitorCommand.parse(["watched@production", "--current", root + "/data/same.csv", "--registry", registry])
        try same.run()

        let shifted = try MonitorCommand.parse([
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
            let bad = try MonitorCommand.parse(["watched@production", "--current", root + "/data/same.csv", "--registry", registry, "--test", "kss"])
            try bad.run()
        }
    }

    /// A prediction-log line as the server writes it, for the model `watched` (features x, color).
    static func logLine(_ row: Int, shift: Double) -> String {
        let features = ServingObject(keys: ["x", "color"], values: [.number(Double(row % 50) + shift), .string(["red", "green", "blue"][row % 3])])
        var line = Array(#"{"type":"prediction","id":"#.utf8)
        ServingJSONWriter.write("r-\(row)", into: &line)
        line += Array(#","row":0,"time":1700000000,"model":"watched","version":1,"features":"#.utf8)
        ServingJSONWriter.write(.object(features), into: &line)
        line += Array(#","prediction":"no","probability":0.25}"#.utf8)
        return String(decoding: line, as: UTF8.self)
    }

    @Test func theLogWithAWindowAndAFolderOfBatches() throws {
        let root = NSTemporaryDirectory() + "labbook-monitor-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/data/batches", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/logs", withIntermediateDirectories: true)
        let train = Self.csv(rows: 600, shift: 0, missing: "-")
        try Data(train.utf8).write(to: URL(fileURLWithPath: root + "/data/train.csv"))
        let lines = train.split(separator: "\n").map(String.init)
        try Data((lines[0...300].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: root + "/data/batches/1.csv"))
        try Data(([lines[0]] + lines[301...]).joined(separator: "\n").appending("\n").utf8).write(to: URL(fileURLWithPath: root + "/data/batches/2.csv"))
        let notebook = [
            "```load", "name: d", "from: data/train.csv", "delimiter: \";\"", "missing: [\"-\"]", "target: y",
            "positive: \"yes\"", "```",
            "```train", "name: m", "data: d", "model: logistic_regression", "```",
            "```deploy", "model: m", "as: watched", "alias: production", "```",
        ].joined(separator: "\n") + "\n"
        try Data(notebook.utf8).write(to: URL(fileURLWithPath: root + "/nb.md"))
        #expect(Runner.run(RunOptions(notebookPath: root + "/nb.md", outputDirectory: root + "/reports")).exitCode == 0)
        let registry = root + "/.labbook/registry"
        // Older file: shifted rows and one corrupt line; newest file: rows like the training data.
        let older = (0..<600).map { Self.logLine($0, shift: 20) } + [#"{"type":"predic"#]
        try Data((older.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: root + "/logs/predictions.1.jsonl"))
        // A server serving two models logs both in one file: the other model's lines are left out.
        let other = (0..<40).map { Self.logLine($0, shift: 90).replacingOccurrences(of: #""model":"watched""#, with: #""model":"other""#) }
        let newest = (0..<600).map { Self.logLine($0, shift: 0) } + other
        try Data((newest.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: root + "/logs/predictions.jsonl"))

        let window = try MonitorCommand.parse(["watched@production", "--log", root + "/logs", "--last", "600", "--registry", registry])
        try window.run()
        let whole = try MonitorCommand.parse([
            "watched@production", "--log", root + "/logs", "--registry", registry, "--out", root + "/drift",
        ])
        #expect(throws: ExitCode(4)) { try whole.run() }
        let json = try String(contentsOfFile: root + "/drift/watched-drift.json", encoding: .utf8).replacingOccurrences(of: " ", with: "")
        #expect(json.contains(#""skipped_lines":1"#) && json.contains(#""source":"log""#) && json.contains(#""rows":1200"#), "\(json)")
        #expect(json.contains("predictions.1.jsonl:601:notvalidJSON"), "\(json)")
        let report = try String(contentsOfFile: root + "/drift/watched-drift.md", encoding: .utf8)
        #expect(report.contains("; 40 predictions of other models left out."), "\(report)")

        let batches = try MonitorCommand.parse(["watched@production", "--current", root + "/data/batches", "--registry", registry, "--out", root + "/b"])
        try batches.run()
        let markdown = try String(contentsOfFile: root + "/b/watched-drift.md", encoding: .utf8)
        #expect(markdown.contains("2 batch files") && markdown.contains("(600 rows)"), "\(markdown)")

        #expect(throws: (any Error).self) { _ = try MonitorCommand.parse(["watched@production", "--current", root + "/data/train.csv", "--last", "5"]) }
        #expect(throws: (any Error).self) { _ = try MonitorCommand.parse(["watched@production"]) }
    }
}
