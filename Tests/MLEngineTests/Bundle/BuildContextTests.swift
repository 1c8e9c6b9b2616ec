import Foundation
import Testing
@testable import MLEngine

@Suite("Model references and build contexts")
struct BuildContextTests {
    @Test("a reference names the latest version, a version or an alias")
    func references() throws {
        #expect(try ModelReference(parsing: "income") == ModelReference(name: "income"))
        #expect(try ModelReference(parsing: "income@3") == ModelReference(name: "income", selector: .version(3)))
        #expect(try ModelReference(parsing: "income@production") == ModelReference(name: "income", selector: .alias("production")))
        #expect(throws: RegistryError.self) { try ModelReference(parsing: "../x@production") }
        #expect(throws: RegistryError.self) { try ModelReference(parsing: "income@0") }
        #expect(throws: RegistryError.self) { try ModelReference(parsing: "income@") }
    }

    @Test("the Containerfile builds from source in two stages and serves as a non-root user")
    func containerfile() {
        let context = BuildContext(name: "income", version: 3, alias: "production")
        let text = context.containerfile
        let froms = text.split(separator: "\n").filter { $0.hasPrefix("FROM ") }
        #expect(froms.count == 2)
        #expect(froms[0].hasPrefix("FROM docker.io/library/swift:") && froms[0].hasSuffix(" AS build"))
        #expect(froms[1] == "FROM gcr.io/distroless/cc-debian12:nonroot")
        #expect(text.contains("COPY source/ /src/"))
        #expect(text.contains("swift build -c release --static-swift-stdlib --product labbook"))
        #expect(text.contains("USER 65532:65532"))
        #expect(text.contains("HEALTHCHECK --interval=10s --timeout=2s --start-period=5s --retries=3 CMD [\"labbook\", \"health\", \"--port\", \"8080\"]"))
        #expect(text.contains(
            "CMD [\"labbook\", \"serve\", \"income@production\", \"--registry\", \"/srv/labbook/registry\", \"--host\", \"0.0.0.0\", \"--port\", \"8080\"]"))
        #expect(context.command == ["labbook"] + context.serveArguments(registry: BuildContext.registryInImage))
        // Only the binary, its two libraries and the bundle reach the runtime stage.
        let runtime = text.components(separatedBy: "FROM gcr.io")[1]
        #expect(runtime.split(separator: "\n").filter { $0.hasPrefix("COPY") }.count == 3)
    }

    @Test("the context holds a one-version registry whose alias resolves")
    func writes() throws {
        let root = FileManager.default.temporaryDirectory.path + "/labbook-package-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let registry = ModelRegistry(root: root + "/registry")
        let model = try TrainedModel.train(
            kind: .decisionTree, parameters: ["max_depth": .int(3)], frame: ModelFixtures.mixedFrame,
            features: ["age", "hours", "color"], target: "label", positive: "yes")
        for _ in 0..<2 { _ = try registry.register(model, manifest: ModelManifestDraft(name: "income", dataFingerprint: "sha256:1")) }
        try registry.setAlias("production", name: "income", version: 1)
        let context = BuildContext(name: "income", version: 1, alias: "production")
        try context.write(to: root + "/out", from: registry)
        let packaged = ModelRegistry(root: root + "/out/registry")
        #expect(try packaged.versions(of: "income") == [1])
        #expect(try packaged.version(ofAlias: "production", name: "income") == 1)
        #expect(try packaged.load(name: "income", version: 1).model == model)
        #expect(FileManager.default.fileExists(atPath: root + "/out/Containerfile"))
        #expect(try String(contentsOfFile: root + "/out/README.md", encoding: .utf8).contains("podman build -t income:1 ."))
        #expect(throws: RegistryError.self) { try context.write(to: root + "/out2", from: registry, source: root) }
    }
}
