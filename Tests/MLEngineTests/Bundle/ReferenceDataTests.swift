import Foundation
import Testing
@testable import MLEngine

@Suite("Reference data in a bundle")
struct ReferenceDataTests {
    @Test("the training data and its CSV options round-trip; a damaged frame is refused; old bundles have none")
    func roundTrip() throws {
        let root = FileManager.default.temporaryDirectory.path + "/labbook-reference-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let registry = ModelRegistry(root: root)
        let frame = ModelFixtures.mixedFrame
        let model = try TrainedModel.train(
            kind: .logisticRegression, parameters: [:], frame: frame, features: ["age", "hours", "color"], target: "label",
            positive: "yes")
        let options = CSVOptions(delimiter: UInt8(ascii: ";"), missingMarkers: ["-", "NA"], columnTypes: ["color": .categorical])
        let withData = try registry.register(
            model, manifest: ModelManifestDraft(name: "m", dataFingerprint: "sha256:1"),
            reference: ReferenceData(frame: frame, options: options))
        let without = try registry.register(model, manifest: ModelManifestDraft(name: "m", dataFingerprint: "sha256:1"))
        let kept = try #require(try registry.reference(name: "m", version: withData.version))
        // Compared as bytes: the frame holds nan, which is never == itself.
        #expect(kept.frame.binaryEncoded() == frame.binaryEncoded())
        #expect(kept.options == options)
        #expect(try registry.reference(name: "m", version: without.version) == nil)

        let framePath = "\(root)/m/\(withData.version)/reference.lbf"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: framePath)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: framePath))
        #expect(throws: RegistryError.self) { try registry.reference(name: "m", version: withData.version) }
    }
}
