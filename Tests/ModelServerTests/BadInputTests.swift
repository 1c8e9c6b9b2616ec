import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MLEngine
import ModelServer
import NIOCore
import Testing

@Suite("Bad input gets a 4xx naming what is wrong, never a 5xx")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var body: String
        var reason: String
        var field: String?
        var row: Int?
        var description: String { body }
    }

    static let cases: [Case] = [
        Case(body: #"{"rows": [{"age": 30, "hours": 40, "colour": "red"}]}"#, reason: "unknown_field", field: "colour", row: 0),
        Case(body: #"{"rows": [{"age": 30, "hours": 40, "color": "red"}, {"age": 30, "color": "red"}]}"#, reason: "missing_field", field: "hours", row: 1),
        Case(body: #"{"rows": [{"age": "thirty", "hours": 40, "color": "red"}]}"#, reason: "wrong_type", field: "age", row: 0),
        Case(body: #"{"rows": [{"age": 30, "hours": 40, "color": 7}]}"#, reason: "wrong_type", field: "color", row: 0),
        Case(body: #"{"rows": [{"age": 30, "hours": NaN, "color": "red"}]}"#, reason: "missing_value", field: "hours", row: 0),
        Case(body: #"{"rows": [{"age": 30, "hours": null, "color": "red"}]}"#, reason: "missing_value", field: "hours", row: 0),
        Case(body: #"{"rows": [{"age": 30, "hours": 40, "color": "purple"}]}"#, reason: "unseen_category", field: "color", row: 0),
        Case(body: #"{"columns": ["age", "hours", "color"], "data": [[30, 40]]}"#, reason: "bad_shape", field: nil, row: 0),
        Case(body: #"{"columns": ["age", "color"], "data": [[30, "red"]]}"#, reason: "missing_field", field: "hours", row: nil),
        Case(body: #"{"rows": [3]}"#, reason: "bad_shape", field: nil, row: 0),
        Case(body: #"{"rows": {}}"#, reason: "bad_shape", field: "rows", row: nil),
        Case(body: #"{"something": []}"#, reason: "bad_shape", field: nil, row: nil),
        Case(body: #"[]"#, reason: "bad_shape", field: nil, row: nil),
        Case(body: #"{"rows": [{"age": 30,"#, reason: "malformed_json", field: nil, row: nil),
        Case(body: "", reason: "malformed_json", field: nil, row: nil),
        Case(body: "not json", reason: "malformed_json", field: nil, row: nil),
    ]

    @Test("each bad body is a 400 with its reason, field and row", arguments: cases)
    func badBody(_ bad: Case) async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration())
        try await app.test(.router) { client in
            for uri in ["/v1/models/income/predict", "/invocations"] {
                try await client.execute(uri: uri, method: .post, headers: ServerFixture.json, body: ServerFixture.body(bad.body)) { response in
                    #expect(response.status == .badRequest)
                    let object = try ServerFixture.object(response)
                    #expect(object["error_code"]?.string != nil)
                    #expect(object["reason"] == .string(bad.reason))
                    #expect(object["field"] == bad.field.map(ServingValue.string))
                    #expect(object["row"] == bad.row.map { .number(Double($0)) })
                }
            }
        }
    }

    @Test("a body over the limit is 413, the wrong content type 415, an unknown model 404")
    func limits() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration())
        let huge = #"{"rows": ["# + Array(repeating: ServerFixture.goodRow, count: 3000).joined(separator: ",") + "]}"
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json, body: ServerFixture.body(huge)) { response in
                #expect(response.status == .contentTooLarge)
                let answer = try ServerFixture.object(response); #expect(answer["error_code"] == .string("REQUEST_TOO_LARGE"))
            }
            for type in ["text/plain", "application/x-www-form-urlencoded", "text/csv"] {
                try await client.execute(
                    uri: "/invocations", method: .post, headers: [.contentType: type],
                    body: ServerFixture.body(#"{"rows": [\#(ServerFixture.goodRow)]}"#)) { #expect($0.status == .unsupportedMediaType) }
            }
            try await client.execute(uri: "/invocations", method: .post, body: ServerFixture.body("{}")) { #expect($0.status == .unsupportedMediaType) }
            try await client.execute(uri: "/v1/models/nope/predict", method: .post, headers: ServerFixture.json, body: ServerFixture.body("{}")) { response in
                #expect(response.status == .notFound)
                let answer = try ServerFixture.object(response); #expect(answer["message"]?.string?.contains("income") == true)
            }
        }
    }

    @Test("random garbage and mangled good bodies never get a 5xx")
    func fuzz() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration())
        let good = Array(#"{"rows": [{"age": 30, "hours": 40, "color": "red"}], "columns": ["x"]}"#.utf8)
        try await app.test(.router) { client in
            var generator = SystemRandomNumberGenerator()
            for attempt in 0..<300 {
                var bytes = good
                for _ in 0..<(1 + attempt % 4) {
                    let position = Int.random(in: 0..<bytes.count, using: &generator)
                    switch attempt % 3 {
                    case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                    case 1: bytes.remove(at: position)
                    default: bytes.insert(Array("{}[],:\"\\0e-".utf8).randomElement(using: &generator) ?? 0, at: position)
                    }
                    if bytes.isEmpty { break }
                }
                let body = ByteBuffer(bytes: bytes)
                try await client.execute(uri: "/invocations", method: .post, headers: ServerFixture.json, body: body) { response in
                    #expect(response.status.code < 500, "\(String(decoding: bytes, as: UTF8.self))")
                }
            }
        }
    }
}
