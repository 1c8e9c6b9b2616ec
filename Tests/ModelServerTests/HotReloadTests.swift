import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MLEngine
import ModelServer
import NIOCore
import Testing

@Suite("An alias move swaps the model without dropping requests")
struct HotReloadTests {
    static func version(_ response: TestResponse) throws -> Int? {
        guard case .number(let version)? = try ServerFixture.object(response)["model"]?.object?["version"] else { return nil }
        return Int(version)
    }

    @Test("requests under load all succeed while production moves from 1 to 2")
    func aliasMoveUnderLoad() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration())
        let body = ServerFixture.body(#"{"rows": [\#(ServerFixture.goodRow)]}"#)
        try await app.test(.router) { client in
            let results = try await withThrowingTaskGroup(of: [(HTTPResponse.Status, Int?)].self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        var seen: [(HTTPResponse.Status, Int?)] = []
                        // Each worker keeps sending until it has seen version 2 (bounded, not timed).
                        for _ in 0..<20_000 {
                            let answer = try await client.execute(uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json, body: body) {
                                ($0.status, try Self.version($0))
                            }
                            seen.append(answer)
                            if answer.1 == 2 || answer.0 != .ok { break }
                            await Task.yield()
                        }
                        return seen
                    }
                }
                try await Task.sleep(for: .milliseconds(50))
                try fixture.registry.setAlias("production", name: "income", version: 2)
                var all: [(HTTPResponse.Status, Int?)] = []
                for try await part in group { all += part }
                return all
            }
            #expect(results.allSatisfy { $0.0 == .ok })
            #expect(results.allSatisfy { $0.1 == 1 || $0.1 == 2 })
            #expect(results.contains { $0.1 == 2 })
            // Once moved, the manifest route and /health agree.
            try await client.execute(uri: "/v1/models/income", method: .get) { response in
                let manifest = try JSONDecoder().decode(ModelManifest.self, from: Data(response.body.readableBytesView))
                #expect(manifest.version == 2)
            }
        }
    }

    @Test("a fixed version is never reloaded")
    func fixedVersion() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration(["income@1"]))
        try fixture.registry.setAlias("production", name: "income", version: 2)
        try await app.test(.router) { client in
            try await Task.sleep(for: .milliseconds(100))
            try await client.execute(
                uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json,
                body: ServerFixture.body(#"{"rows": [\#(ServerFixture.goodRow)]}"#)) { response in let version = try Self.version(response); #expect(version == 1) }
        }
    }
}
