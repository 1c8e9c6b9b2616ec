import Foundation
import MLEngine

/// A temporary folder with `rows.csv` (an id, three features, a label) and a registry holding
/// a gradient boosting model trained on it, `production` → version 1.
struct ServingFixture {
    let root: String
    let registry: ModelRegistry
    var csv: String { root + "/rows.csv" }

    init(kind: ModelKind = .gradientBoosting) throws {
        root = FileManager.default.temporaryDirectory.path + "/labbook-cli-serve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var lines = ["id,age,hours,color,label"]
        let colors = ["red", "green", "blue"]
        for row in 0..<150 {
            let age = 18 + (row * 37) % 50
            let hours = 20.5 + Double((row * 13) % 40) / 3
            let color = row % 13 == 0 ? "" : colors[row % 3]
            let label = Double(age) + hours + Double(row % 3) * 10 > 85 ? "yes" : "no"
            lines.append("r\(row),\(row % 19 == 0 ? "NA" : String(age)),\(hours),\(color),\(label)")
        }
        let path = root + "/rows.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let frame = try CSVReader.read(path: path).frame
        registry = ModelRegistry(root: root + "/registry")
        let model = try TrainedModel.train(
            kind: kind, parameters: [:], frame: frame, features: ["age", "hours", "color"], target: "label", positive: "yes")
        _ = try registry.register(model, manifest: ModelManifestDraft(
            name: "income", dataFingerprint: "sha256:test", inputs: FeatureProfile.profiles(of: frame, schema: model.encoder.schema)))
        try registry.setAlias("production", name: "income", version: 1)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
