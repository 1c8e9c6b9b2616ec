import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MLEngine
import ModelServer
import NIOCore

/// A temporary registry with a small income-like model (two versions, `production` → 1) and
/// helpers to build and call the server.
struct ServerFixture {
    let root: String
    let registry: ModelRegistry
    let frame: DataFrame

    static let features = ["age", "hours", "color"]

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/labbook-serve-" + UUID().uuidString
        registry = ModelRegistry(root: root + "/registry")
        let rows = 120
        let colors = ["red", "green", "blue"]
        var age: [Double] = []
        var hours: [Double] = []
        var colorCodes: [UInt32] = []
        var labels: [UInt32] = []
        for row in 0..<rows {
            let a = Double(18 + (row * 37) % 50)
            let h = Double(20 + (row * 13) % 40)
            age.append(row % 17 == 0 ? .nan : a)
            hours.append(h)
            colorCodes.append(row % 11 == 0 ? CategoricalColumn.missingCode : UInt32(row % 3))
            labels.append((a + h + Double(row % 3) * 10 > 85) ? 1 : 0)
        }
        frame = DataFrame(columns: [
            .numeric(NumericColumn(name: "age", values: age)),
            .numeric(NumericColumn(name: "hours", values: hours)),
            .categorical(CategoricalColumn(name: "color", codes: colorCodes, categories: colors)),
            .categorical(CategoricalColumn(name: "label", codes: labels, categories: ["no", "yes"])),
        ])
        for iterations in [20, 40] {
            let model = try TrainedModel.train(
                kind: .gradientBoosting, parameters: ["max_iter": .int(iterations)], frame: frame, features: Self.features,
                target: "label", positive: "yes")
            _ = try registry.register(model, manifest: ModelManifestDraft(
                name: "income", dataFingerprint: "sha256:test", inputs: FeatureProfile.profiles(of: frame, schema: model.encoder.schema)))
        }
        try registry.setAlias("production", name: "income", version: 1)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func configuration(_ references: [String] = ["income@production"], log: Bool = false) throws -> ServerConfiguration {
        var configuration = ServerConfiguration(models: try references.map { try ModelReference(parsing: $0) }, registry: registry)
        configuration.port = 0
        configuration.pollInterval = .milliseconds(20)
        configuration.logFlushInterval = .milliseconds(20)
        configuration.maxBodyBytes = 64 << 10
        if log { configuration.logDirectory = root + "/log" }
        return configuration
    }

    static let goodRow = #"{"age": 30, "hours": 40, "color": "red"}"#

    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static let json: HTTPFields = [.contentType: "application/json"]

    static func object(_ response: TestResponse) throws -> ServingObject {
        let bytes = Array(response.body.readableBytesView)
        guard let object = try ServingJSON.parse(bytes).object else { throw ServingJSONError("not an object", offset: 0) }
        return object
    }
}
