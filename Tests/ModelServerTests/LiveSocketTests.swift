import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MLEngine
import ModelServer
import NIOCore
import Testing

@Suite("Over a real socket")
struct LiveSocketTests {
    @Test("the server binds 127.0.0.1 by default and answers over TCP")
    func live() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let configuration = try fixture.configuration(log: true)
        #expect(configuration.host == "127.0.0.1")
        let app = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            try await client.execute(uri: "/ping", method: .get) { #expect($0.status == .ok) }
            for _ in 0..<20 {
                try await client.execute(
                    uri: "/invocations", method: .post, headers: ServerFixture.json,
                    body: ServerFixture.body(#"{"dataframe_records": [\#(ServerFixture.goodRow)]}"#)) { response in
                    #expect(response.status == .ok)
                    let answer = try ServerFixture.object(response); #expect(answer["predictions"]?.array?.count == 1)
                }
            }
            try await client.execute(uri: "/invocations", method: .post, headers: ServerFixture.json, body: ServerFixture.body("{oops")) {
                #expect($0.status == .badRequest)
            }
        }
        let lines = try String(contentsOfFile: fixture.root + "/log/predictions.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 20)
    }
}
