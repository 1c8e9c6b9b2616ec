import Foundation
import HummingbirdTesting
import MLEngine
@testable import ModelServer
import Testing

/// What the server logs, `monitor` reads back: the engine's ``PredictionLogReader`` on lines the
/// real server wrote, rotated by the real ``PredictionLog``.
@Suite("The prediction log read back")
struct PredictionLogReaderTests {
    static let columns: [(name: String, type: ColumnType)] = [("age", .numeric), ("hours", .numeric), ("color", .categorical)]

    /// Lines the server wrote for `rows` posted one request each, feedback included.
    static func serverLines(_ rows: [String]) async throws -> [String] {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration(log: true))
        try await app.test(.router) { client in
            for row in rows {
                try await client.execute(
                    uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json,
                    body: ServerFixture.body(#"{"rows": [\#(row)]}"#)) { #expect($0.status == .ok) }
            }
            try await client.execute(
                uri: "/v1/models/income/feedback", method: .post, headers: ServerFixture.json,
                body: ServerFixture.body(#"{"id": "x-1", "label": "yes"}"#)) { #expect($0.status == .accepted) }
        }
        let text = try String(contentsOfFile: fixture.root + "/log/predictions.jsonl", encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    @Test("rows round-trip across rotated files; a window takes the newest; a corrupt line is counted")
    func roundTripAcrossRotation() async throws {
        let rows = (0..<6).map { #"{"age": \#(20 + $0), "hours": \#(30 + $0 * 2), "color": "\#(["red", "blue"][$0 % 2])"}"# }
        let lines = try await Self.serverLines(rows)
        #expect(lines.count == 7)
        let directory = FileManager.default.temporaryDirectory.path + "/labbook-log-read-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // One flush per line and files of about one line: every line rotates the file before it.
        let log = try PredictionLog(directory: directory, maxBytes: 200, keep: 20)
        for (index, line) in lines.enumerated() {
            log.append(Array((line + "\n").utf8))
            log.flush()
            if index == 3 {
                log.append(Array("{\"type\":\"prediction\",\"features\":{\"age\":\n".utf8))
                log.flush()
            }
        }
        let files = try PredictionLogReader.files(in: directory, displayName: "logs")
        #expect(files.count >= 4 && files.last == "predictions.jsonl" && files.first?.hasPrefix("predictions.") == true)

        let all = try PredictionLogReader.read(directory: directory, displayName: "logs", columns: Self.columns)
        #expect(all.frame.rowCount == 6)
        guard case .numeric(let age)? = all.frame.column(named: "age"), case .numeric(let hours)? = all.frame.column(named: "hours"),
            case .categorical(let color)? = all.frame.column(named: "color")
        else {
            Issue.record("columns of the wrong type: \(all.frame.columnNames)")
            return
        }
        #expect(age.values == [20, 21, 22, 23, 24, 25])
        #expect(hours.values == [30, 32, 34, 36, 38, 40])
        #expect((0..<6).map { color.value(at: $0) } == ["red", "blue", "red", "blue", "red", "blue"])
        #expect(all.skippedLines == 1)
        let skipped = try #require(all.firstSkipped)
        #expect(skipped.file.hasPrefix("logs/predictions.") && skipped.line >= 1)
        #expect(skipped.reason.hasPrefix("not valid JSON"))
        #expect(all.badValues.isEmpty)

        // The newest 3 rows: across at least two files, oldest first; the corrupt line (after row 4) is among them.
        let window = try PredictionLogReader.read(directory: directory, displayName: "logs", columns: Self.columns, last: 3)
        #expect(window.frame.rowCount == 3)
        if case .numeric(let newest)? = window.frame.column(named: "age") { #expect(newest.values == [23, 24, 25]) }
        #expect(window.files.filter { $0.rows > 0 }.count >= 2)
        #expect(window.skippedLines == 1)
        let older = try PredictionLogReader.read(directory: directory, displayName: "logs", columns: Self.columns, last: 2)
        #expect(older.skippedLines == 0)
        #expect(window.fingerprint != older.fingerprint)
    }
}
