import Foundation
import MLEngine
import Testing
@testable import NotebookRunner

/// `monitor`'s current data from a folder of batch files, from the prediction log, and with
/// bad values that are counted instead of failing.
@Suite struct MonitorSourceTests {
    static func csv(rows: Range<Int>, shift: Int = 0, bad: Set<Int> = []) -> String {
        var lines = ["city,size,y"]
        for row in rows {
            lines.append("\(["a", "b", "c"][row % 3]),\(bad.contains(row) ? "n/a" : String(row % 40 + shift)),\(row % 2)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func notebook(_ current: String...) -> String {
        (["```load", "name: homes", "from: data/reference.csv", "target: y", "```", "```monitor", "reference: homes"]
            + current + ["```"]).joined(separator: "\n") + "\n"
    }

    /// One prediction-log line as the server writes it (`ScoringResponse.logLines`).
    static func logLine(id: Int, city: String, size: Double?) -> String {
        var features = ServingObject()
        features.keys = ["city", "size"]
        features.values = [.string(city), size.map(ServingValue.number) ?? .null]
        var line = Array(#"{"type":"prediction","id":"#.utf8)
        ServingJSONWriter.write("req-\(id)", into: &line)
        line += Array(#","row":0,"time":1700000000.5,"model":"homes","version":1,"features":"#.utf8)
        ServingJSONWriter.write(.object(features), into: &line)
        line += Array(#","prediction":"1","probability":0.75}"#.utf8)
        return String(decoding: line, as: UTF8.self)
    }

    static func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        for folder in ["data/batches", "logs"] {
            try FileManager.default.createDirectory(atPath: sandbox.root + "/" + folder, withIntermediateDirectories: true)
        }
        return sandbox
    }

    @Test func aFolderOfBatchesIsOneDatasetInFileNameOrder() throws {
        let sandbox = try Self.sandbox()
        try sandbox.write(Self.csv(rows: 0..<300), to: "data/reference.csv")
        try sandbox.write(Self.csv(rows: 0..<120), to: "data/batches/2024-01.csv")
        try sandbox.write(Self.csv(rows: 120..<300), to: "data/batches/2024-02.csv")
        try sandbox.write("not a batch\n", to: "data/batches/notes.txt")
        try sandbox.write(Self.notebook("current: data/batches/"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0, "\(outcome.steps.map { $0.message ?? "" })")
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("Current data: 2 batch files in `data/batches/`, in file-name order, read as one dataset (`data/batches/2024-01.csv`, `data/batches/2024-02.csv`)."), "\(markdown)")
        #expect(markdown.contains("Drift of `data/batches/` (300 rows) against `homes`"))
        #expect(markdown.contains("No dataset drift"))
        let manifest = try sandbox.read("reports/notebook.run.json")
        #expect(manifest.contains("data/batches/2024-01.csv") && manifest.contains("data/batches/2024-02.csv"))
        // A rerun with the same batches comes from the cache; a new batch file runs again.
        #expect(sandbox.run().steps.last?.status == .cached)
        try sandbox.write(Self.csv(rows: 0..<60, shift: 30), to: "data/batches/2024-03.csv")
        let third = sandbox.run()
        #expect(third.steps.last?.status == .ran)
        #expect(try sandbox.read("reports/notebook.md").contains("(360 rows)"))
    }

    @Test func aBatchWithAnotherHeaderIsALocatedError() throws {
        let sandbox = try Self.sandbox()
        try sandbox.write(Self.csv(rows: 0..<50), to: "data/reference.csv")
        try sandbox.write(Self.csv(rows: 0..<20), to: "data/batches/a.csv")
        try sandbox.write(Self.csv(rows: 0..<20).replacingOccurrences(of: "city,size,y", with: "city,area,y"), to: "data/batches/b.csv")
        try sandbox.write(Self.notebook("current: data/batches"), to: "nb.md")
        let outcome = Runner.check(RunOptions(notebookPath: sandbox.root + "/nb.md"))
        #expect(outcome.exitCode == 2)
        let messages = outcome.diagnostics.map {
            $0.description.components(separatedBy: "\n")[0].replacingOccurrences(of: sandbox.root + "/", with: "")
        }
        #expect(messages == [
            "nb.md:8:10: error: data/batches/b.csv:1: the header (city, area, y) differs from `data/batches/a.csv`'s (city, size, y); every batch file needs the same columns in the same order"
        ], "\(messages)")
    }

    @Test func badValuesAreCountedAndReportedNotFatal() throws {
        let sandbox = try Self.sandbox()
        try sandbox.write(Self.csv(rows: 0..<300), to: "data/reference.csv")
        try sandbox.write(Self.csv(rows: 0..<300, bad: [3, 40, 41]), to: "data/current.csv")
        try sandbox.write(Self.notebook("current: data/current.csv"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0, "\(outcome.steps.map { $0.message ?? "" })")
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("`size`: 3 values are not numbers and were read as missing (the first at `data/current.csv:5`)."), "\(markdown)")
        let manifest = try sandbox.read("reports/notebook.run.json").replacingOccurrences(of: " ", with: "")
        #expect(manifest.contains(#""bad_values":["#), "\(manifest)")
        #expect(manifest.contains(#""count":3"#) && manifest.contains(#""first":"data/current.csv:5""#))
    }

    @Test func thePredictionLogWithAWindowAndACorruptLine() throws {
        let sandbox = try Self.sandbox()
        try sandbox.write(Self.csv(rows: 0..<300), to: "data/reference.csv")
        // Oldest first: predictions.2 (rows 0–99), predictions.1 (100–199, one corrupt line), predictions (200–299, feedback).
        for (file, range) in [("predictions.2.jsonl", 0..<100), ("predictions.1.jsonl", 100..<200), ("predictions.jsonl", 200..<300)] {
            var lines = range.map { Self.logLine(id: $0, city: ["a", "b", "c"][$0 % 3], size: $0 % 50 == 7 ? nil : Double($0 % 40 + 25)) }
            if file == "predictions.1.jsonl" { lines.insert(#"{"type":"prediction","id":"req-x","features":{"ci"#, at: 10) }
            if file == "predictions.jsonl" { lines.append(#"{"type":"feedback","id":"req-250","time":1700000001,"model":"homes","version":1,"label":1}"#) }
            try sandbox.write(lines.joined(separator: "\n") + "\n", to: "logs/" + file)
        }
        try sandbox.write(Self.notebook("log: logs", "last: 195"), to: "notebook.md")
        let outcome = sandbox.run()
        #expect(outcome.exitCode == 0, "\(outcome.steps.map { $0.message ?? "" })")
        let markdown = try sandbox.read("reports/notebook.md")
        #expect(markdown.contains("Current data: the newest 195 rows of the prediction log in `logs` (`logs/predictions.1.jsonl`, `logs/predictions.jsonl`), oldest first."), "\(markdown)")
        #expect(markdown.contains("Drift of `logs` (195 rows) against `homes`"))
        #expect(markdown.contains("1 line is not a prediction row and was skipped (the first at `logs/predictions.1.jsonl:11`: not valid JSON"), "\(markdown)")
        #expect(markdown.contains("Drift detected"))
        let manifest = try sandbox.read("reports/notebook.run.json").replacingOccurrences(of: " ", with: "")
        #expect(manifest.contains(#""skipped_lines":1"#), "\(manifest)")

        // Lines before the window do not count: the newest 80 rows are all in `predictions.jsonl`.
        try sandbox.write(Self.notebook("log: logs", "last: 80"), to: "notebook.md")
        #expect(sandbox.run().exitCode == 0)
        #expect(!(try sandbox.read("reports/notebook.md")).contains("skipped"))
    }

    @Test func theLogKeysAreChecked() throws {
        let sandbox = try Self.sandbox()
        try sandbox.write(Self.csv(rows: 0..<50), to: "data/reference.csv")
        try sandbox.write(Self.csv(rows: 0..<50), to: "data/current.csv")
        try sandbox.write(Self.notebook("current: data/current.csv", "last: 10"), to: "a.md")
        try sandbox.write(Self.notebook("log: nowhere"), to: "b.md")
        try sandbox.write(Self.notebook("log: data/current.csv", "last: 0"), to: "c.md")
        func messages(_ name: String) -> [String] {
            Runner.check(RunOptions(notebookPath: sandbox.root + "/" + name)).diagnostics.map {
                $0.description.components(separatedBy: "\n")[0].replacingOccurrences(of: sandbox.root + "/", with: "")
            }
        }
        #expect(messages("a.md") == ["a.md:9:7: error: `last` applies only to a prediction log (`log`)"])
        #expect(messages("b.md") == ["b.md:8:6: error: cannot find the prediction log folder `nowhere` (relative to the notebook)"])
        let third = messages("c.md")
        #expect(third.contains { $0.hasPrefix("c.md:9:7: error:") }, "\(third)")
        #expect(third.contains("c.md:8:6: error: `data/current.csv` is a file; `log` names the folder `labbook serve --log` writes"), "\(third)")
    }
}
