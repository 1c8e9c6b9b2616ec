import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MLEngine
@testable import ModelServer
import NIOCore
import Testing

@Suite("The prediction log")
struct PredictionLogTests {
    static func lines(_ path: String) -> [ServingObject] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? ServingJSON.parse(Array($0.utf8)).object }
    }

    @Test("predictions and feedback round-trip through predictions.jsonl")
    func roundTrip() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration(log: true))
        let (id, probability) = try await app.test(.router) { client -> (String, ServingValue?) in
            var id = ""
            var probability: ServingValue?
            let body = #"{"rows": [{"age": 30, "hours": 40, "color": "red"}, {"age": 50, "hours": 60, "color": "blue"}]}"#
            try await client.execute(uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json, body: ServerFixture.body(body)) { response in
                let object = try ServerFixture.object(response)
                id = object["id"]?.string ?? ""
                probability = object["probabilities"]?.array?.first
            }
            try await client.execute(
                uri: "/v1/models/income/feedback", method: .post, headers: ServerFixture.json,
                body: ServerFixture.body(#"{"id": "\#(id)", "row": 1, "label": "yes"}"#)) { #expect($0.status == .accepted) }
            for bad in [#"{"label": "yes"}"#, #"{"id": "x"}"#, #"{"id": "x", "label": [1]}"#, #"{"id": "x", "label": "y", "row": -1}"#, "[]"] {
                try await client.execute(uri: "/v1/models/income/feedback", method: .post, headers: ServerFixture.json, body: ServerFixture.body(bad)) {
                    #expect($0.status == .badRequest, "\(bad)")
                }
            }
            return (id, probability)
        }
        // The server has shut down: the last flush ran.
        let lines = Self.lines(fixture.root + "/log/predictions.jsonl")
        #expect(lines.count == 3)
        #expect(lines[0]["type"] == .string("prediction") && lines[0]["id"] == .string(id) && lines[0]["row"] == .number(0))
        #expect(lines[0]["features"] == (try ServingJSON.parse(Array(#"{"age": 30, "hours": 40, "color": "red"}"#.utf8))))
        #expect(lines[0]["probability"] == probability)
        #expect(lines[0]["version"] == .number(1) && lines[0]["model"] == .string("income"))
        #expect(lines[1]["row"] == .number(1))
        #expect(lines[2]["type"] == .string("feedback") && lines[2]["id"] == .string(id) && lines[2]["label"] == .string("yes"))
    }

    @Test("the log rotates by size and keeps only the newest files")
    func rotation() throws {
        let directory = FileManager.default.temporaryDirectory.path + "/labbook-log-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try PredictionLog(directory: directory, maxBytes: 100, keep: 2)
        for index in 0..<10 {
            log.append(Array("{\"type\":\"prediction\",\"n\":\(index),\"pad\":\"\(String(repeating: "x", count: 40))\"}\n".utf8))
            log.flush()
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["predictions.1.jsonl", "predictions.2.jsonl", "predictions.jsonl"])
        // One line per file at this size: the current file holds the last, .1 the one before, .2 before that; older ones are gone.
        let numbers = ["predictions.2.jsonl", "predictions.1.jsonl", "predictions.jsonl"].flatMap { file in
            Self.lines(directory + "/" + file).compactMap { line -> Int? in
                if case .number(let number)? = line["n"] { Int(number) } else { nil }
            }
        }
        #expect(numbers == Array(7..<10))
    }

    @Test("feedback without a log says how to get one")
    func noLog() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/models/income/feedback", method: .post, headers: ServerFixture.json,
                body: ServerFixture.body(#"{"id": "a-1", "label": "yes"}"#)) { response in
                #expect(response.status == .conflict)
                let answer = try ServerFixture.object(response); #expect(answer["message"]?.string?.contains("--log") == true)
            }
        }
    }
}
