import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MLEngine
import ModelServer
import NIOCore
import Testing

@Suite("Every route, in process")
struct ServerRouteTests {
    @Test("predict answers predictions, probabilities and the model, bit for bit the batch path")
    func predict() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let (model, _) = try fixture.registry.load(name: "income", version: 1)
        let app = try await buildApplication(configuration: try fixture.configuration())
        try await app.test(.router) { client in
            let body = #"{"rows": [{"age": 30, "hours": 40, "color": "red"}, {"age": null, "hours": 25, "color": "blue"}]}"#
            try await client.execute(uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json, body: ServerFixture.body(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let object = try ServerFixture.object(response)
                let probabilities = try #require(object["probabilities"]?.array).compactMap { value -> Double? in
                    if case .number(let number) = value { number } else { nil }
                }
                let frame = DataFrame(columns: [
                    .numeric(NumericColumn(name: "age", values: [30, .nan])), .numeric(NumericColumn(name: "hours", values: [40, 25])),
                    .categorical(CategoricalColumn(name: "color", codes: [0, 1], categories: ["red", "blue"])),
                ])
                #expect(probabilities.map(\.bitPattern) == (try model.predictOutputs(frame)).map(\.bitPattern))
                #expect(object["predictions"]?.array == (try model.predictLabels(frame)).map(ServingValue.string))
                #expect(object["model"] == .object(ServingObject(keys: ["name", "version"], values: [.string("income"), .number(1)])))
                #expect(object["id"]?.string?.isEmpty == false)
                #expect(response.headers[HTTPField.Name("X-Request-Id")!] == object["id"]?.string)
            }
            let table = #"{"columns": ["color", "age", "hours"], "data": [["red", 30, 40]]}"#
            try await client.execute(uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json, body: ServerFixture.body(table)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("MLflow's /invocations takes dataframe_records, dataframe_split and instances")
    func invocations() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration())
        try await app.test(.router) { client in
            var answers: [ServingValue?] = []
            for body in [
                #"{"dataframe_records": [{"age": 30, "hours": 40, "color": "red"}]}"#,
                #"{"dataframe_split": {"columns": ["age", "hours", "color"], "data": [[30, 40, "red"]]}}"#,
                #"{"instances": [[30, 40, "red"]]}"#,
                #"{"instances": [{"age": 30, "hours": 40, "color": "red", "label": "no"}]}"#,
            ] {
                try await client.execute(uri: "/invocations", method: .post, headers: [.contentType: "application/json; charset=utf-8"], body: ServerFixture.body(body)) { response in
                    #expect(response.status == .ok, "\(body)")
                    answers.append(try ServerFixture.object(response)["probabilities"])
                }
            }
            #expect(answers.count == 4 && Set(answers.map { "\($0.map { "\($0)" } ?? "")" }).count == 1)
        }
    }

    @Test("with several models, /invocations needs the X-Labbook-Model header and says so")
    func severalModels() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let (model, _) = try fixture.registry.load(name: "income", version: 2)
        _ = try fixture.registry.register(model, manifest: ModelManifestDraft(name: "churn", dataFingerprint: "sha256:x"))
        let app = try await buildApplication(configuration: try fixture.configuration(["income@production", "churn"]))
        try await app.test(.router) { client in
            let body = ServerFixture.body(#"{"dataframe_records": [\#(ServerFixture.goodRow)]}"#)
            try await client.execute(uri: "/invocations", method: .post, headers: ServerFixture.json, body: body) { response in
                #expect(response.status == .badRequest)
                let answer = try ServerFixture.object(response); #expect(answer["message"]?.string?.contains("X-Labbook-Model") == true)
            }
            var headers = ServerFixture.json
            headers[HTTPField.Name("X-Labbook-Model")!] = "churn"
            try await client.execute(uri: "/invocations", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                let answer = try ServerFixture.object(response); #expect(answer["model"]?.object?["name"] == .string("churn"))
            }
            headers[HTTPField.Name("X-Labbook-Model")!] = "nope"
            try await client.execute(uri: "/invocations", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("ping, health, version, the manifest, the model list and metrics")
    func informational() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await buildApplication(configuration: try fixture.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/ping", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let models = try #require(try ServerFixture.object(response)["models"]?.array)
                #expect(models.first?.object?["reference"] == .string("income@production"))
            }
            try await client.execute(uri: "/version", method: .get) { response in
                let answer = try ServerFixture.object(response); #expect(answer["labbook"] == .string(EngineInfo.version))
            }
            try await client.execute(uri: "/v1/models/income", method: .get) { response in
                #expect(response.status == .ok)
                let manifest = try JSONDecoder().decode(ModelManifest.self, from: Data(response.body.readableBytesView))
                #expect(manifest.name == "income" && manifest.version == 1)
            }
            try await client.execute(uri: "/v1/models/other", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/models", method: .get) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json,
                body: ServerFixture.body(#"{"rows": [\#(ServerFixture.goodRow)]}"#)) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/v1/models/income/predict", method: .post, headers: ServerFixture.json,
                body: ServerFixture.body(#"{"rows": [{"age": "x", "hours": 1, "color": "red"}]}"#)) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"labbook_requests_total{route="/v1/models/{name}/predict",status="200"} 1"#) || text.contains("labbook_requests_total{route=\"/v1/models/:name/predict\",status=\"200\"} 1"), "\(text)")
                #expect(text.contains(#"labbook_rows_rejected_total{reason="wrong_type"} 1"#))
                #expect(text.contains(#"labbook_predictions_total{model="income",class="#))
                #expect(text.contains("labbook_request_duration_seconds_bucket"))
            }
        }
    }
}
