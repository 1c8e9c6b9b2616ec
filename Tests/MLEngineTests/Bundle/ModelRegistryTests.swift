import Foundation
import Testing
@testable import MLEngine

@Suite("ModelRegistry")
struct ModelRegistryTests {
    /// A registry in a fresh temporary directory, removed after `body`.
    private func withRegistry(_ body: (ModelRegistry, String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.path + "/labbook-registry-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(ModelRegistry(root: root), root)
    }

    private func train(_ kind: ModelKind) throws -> TrainedModel {
        try TrainedModel.train(
            kind: kind, parameters: kind == .decisionTree ? ["max_depth": .int(4)] : [:], frame: ModelFixtures.mixedFrame,
            features: ["age", "hours", "color"], target: "label", positive: "yes"
        )
    }

    private func draft(_ name: String = "income") -> ModelManifestDraft {
        ModelManifestDraft(
            name: name, createdBy: ["notebook": "nb/census.md", "notebook_sha256": "abc"],
            dataFingerprint: "sha256:1234", metrics: ["roc_auc": 0.75]
        )
    }

    @Test("versions count up from 1 and the manifest describes the model")
    func versions() throws {
        try withRegistry { registry, _ in
            let model = try train(.decisionTree)
            let first = try registry.register(model, manifest: draft())
            let second = try registry.register(model, manifest: draft())
            #expect(first.version == 1 && second.version == 2)
            #expect(try registry.versions(of: "income") == [1, 2])
            #expect(try registry.versions(of: "unknown") == [])
            #expect(try registry.names() == ["income"])
            #expect(first.featureSchema == model.encoder.schema)
            #expect(first.modelKind == .decisionTree && first.target == "label" && first.positiveLabel == "yes")
            #expect(first.negativeLabel == "no")
            #expect(first.parameters == model.parameters)
            #expect(first.engineVersion == EngineInfo.version && first.formatVersion == 3)
            #expect(first.build == BuildInfo.current)
            let file = try Data(contentsOf: URL(fileURLWithPath: registry.root + "/income/1/model.json"))
            #expect(first.modelSHA256 == "sha256:" + Digest.sha256Hex([UInt8](file)))
            #expect(first.createdBy["notebook"] == "nb/census.md")
            #expect(try registry.manifest(name: "income") == second)
        }
    }

    @Test("loading reproduces predictions bit for bit", arguments: ModelFixtures.binaryKinds)
    func bitExactReload(kind: ModelKind) throws {
        try withRegistry { registry, _ in
            let model = try train(kind)
            let manifest = try registry.register(model, manifest: draft())
            let (loaded, loadedManifest) = try registry.load(name: "income", version: nil)
            #expect(loaded == model)
            #expect(loadedManifest == manifest)
            for frame in [ModelFixtures.mixedFrame, ModelFixtures.mixedTestFrame] {
                let before = try model.predictProbabilities(frame)
                let after = try loaded.predictProbabilities(frame)
                #expect(before.count == after.count)
                #expect(zip(before, after).allSatisfy { $0.bitPattern == $1.bitPattern })
            }
        }
    }

    @Test("the same model always writes byte-identical files", arguments: ModelFixtures.binaryKinds)
    func byteIdentical(kind: ModelKind) throws {
        try withRegistry { registry, root in
            _ = try registry.register(try train(kind), manifest: draft())
            _ = try registry.register(try train(kind), manifest: draft())
            let first = try Data(contentsOf: URL(fileURLWithPath: root + "/income/1/model.json"))
            let second = try Data(contentsOf: URL(fileURLWithPath: root + "/income/2/model.json"))
            #expect(first == second)
            let manifest = try String(contentsOfFile: root + "/income/1/manifest.json", encoding: .utf8)
            #expect(manifest.contains(#""dataFingerprint" : "sha256:1234""#))
            #expect(manifest.contains("nb/census.md"))
        }
    }

    @Test("concurrent registrations get distinct versions and leave no temporary files")
    func concurrent() async throws {
        let root = FileManager.default.temporaryDirectory.path + "/labbook-registry-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let registry = ModelRegistry(root: root)
        let model = try train(.decisionTree)
        let draft = draft()
        let versions = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask { try registry.register(model, manifest: draft).version }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(versions.sorted() == Array(1...12))
        #expect(try registry.versions(of: "income") == Array(1...12))
        for version in 1...12 {
            #expect(try registry.manifest(name: "income", version: version).version == version)
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: root + "/income")
        #expect(entries.allSatisfy { Int($0) != nil })
    }

    @Test("an occupied version directory is never overwritten")
    func neverOverwritten() throws {
        try withRegistry { _, root in
            let source = root + "/source"
            let taken = root + "/taken"
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: URL(fileURLWithPath: source + "/model.json"))
            try Data("theirs".utf8).write(to: URL(fileURLWithPath: taken + "/model.json"))
            #expect(try ModelRegistry.renameUnlessTaken(source, to: taken) == false)
            #expect(FileManager.default.contents(atPath: taken + "/model.json") == Data("theirs".utf8))
            #expect(try ModelRegistry.renameUnlessTaken(source, to: root + "/free") == true)
        }
    }

    @Test("a version that appeared meanwhile is skipped")
    func skipsTakenVersion() throws {
        try withRegistry { registry, root in
            let model = try train(.decisionTree)
            _ = try registry.register(model, manifest: draft())
            // Another writer's bundle already in place as version 2.
            try FileManager.default.createDirectory(atPath: root + "/income/2", withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/income/2/manifest.json"))
            #expect(try registry.register(model, manifest: draft()).version == 3)
            #expect(FileManager.default.contents(atPath: root + "/income/2/manifest.json") == Data("{}".utf8))
        }
    }

    @Test("loading a missing model or version explains what exists")
    func missing() throws {
        try withRegistry { registry, root in
            #expect(throws: RegistryError("no model named \"income\" in the registry at \(root)")) {
                try registry.load(name: "income", version: nil)
            }
            _ = try registry.register(try train(.decisionTree), manifest: draft())
            #expect(throws: RegistryError("model \"income\" has no version 7; versions are: 1")) {
                try registry.load(name: "income", version: 7)
            }
        }
    }

    @Test("names must be plain", arguments: ["../evil", "a/b", ".hidden", "", "a..b", "naïve"])
    func invalidNames(name: String) throws {
        try withRegistry { registry, _ in
            let message = "invalid model name \"\(name)\": use letters, digits, \".\", \"_\" and \"-\", not starting with \".\" and without \"..\""
            #expect(throws: RegistryError(message)) {
                try registry.register(try train(.decisionTree), manifest: draft(name))
            }
        }
    }

    @Test("aliases point at versions and move atomically")
    func aliases() throws {
        try withRegistry { registry, root in
            let model = try train(.decisionTree)
            _ = try registry.register(model, manifest: draft())
            _ = try registry.register(model, manifest: draft())
            try registry.setAlias("production", name: "income", version: 1)
            #expect(try registry.version(ofAlias: "production", name: "income") == 1)
            try registry.setAlias("production", name: "income", version: 2)
            try registry.setAlias("staging", name: "income", version: 1)
            #expect(try registry.aliases(of: "income") == ["production": 2, "staging": 1])
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root + "/income/aliases").sorted()
                    == [".lock", "production", "staging"])
            #expect(throws: RegistryError("model \"income\" has no version 9; versions are: 1, 2")) {
                try registry.setAlias("production", name: "income", version: 9)
            }
            #expect(throws: RegistryError("model \"income\" has no alias \"canary\"")) {
                try registry.version(ofAlias: "canary", name: "income")
            }
            #expect(try registry.versions(of: "income") == [1, 2])
        }
    }

    @Test("an alias keeps its moves, and rollback undoes promotions one at a time")
    func aliasHistory() throws {
        try withRegistry { registry, _ in
            let model = try train(.decisionTree)
            for _ in 0..<3 { _ = try registry.register(model, manifest: draft()) }
            let deploy = ["notebook": "nb/census.md", "run": "7"]
            try registry.setAlias("production", name: "income", version: 1, by: deploy)
            try registry.setAlias("production", name: "income", version: 1, by: deploy)
            try registry.setAlias("production", name: "income", version: 2, by: ["command": "labbook models promote"])
            try registry.setAlias("production", name: "income", version: 3, by: deploy)
            #expect(try registry.rollbackAlias("production", name: "income", by: ["command": "labbook models rollback"]) == 2)
            #expect(try registry.version(ofAlias: "production", name: "income") == 2)
            #expect(try registry.rollbackAlias("production", name: "income") == 1)
            #expect(throws: RegistryError("alias \"production\" of model \"income\" has no earlier version to roll back to")) {
                try registry.rollbackAlias("production", name: "income")
            }
            let history = try registry.aliasHistory("production", name: "income")
            #expect(history.map(\.action) == [.set, .set, .set, .rollback, .rollback])
            #expect(history.map(\.to) == [1, 2, 3, 2, 1])
            #expect(history.map(\.from) == [nil, 1, 2, 3, 2])
            #expect(history[0].by == deploy && history[3].by["command"] == "labbook models rollback")
            #expect(try registry.version(ofAlias: "production", name: "income") == 1)
        }
    }

    @Test("an alias file from before histories were kept still reads and moves")
    func legacyAlias() throws {
        try withRegistry { registry, root in
            let model = try train(.decisionTree)
            for _ in 0..<2 { _ = try registry.register(model, manifest: draft()) }
            try FileManager.default.createDirectory(atPath: root + "/income/aliases", withIntermediateDirectories: true)
            try Data("1\n".utf8).write(to: URL(fileURLWithPath: root + "/income/aliases/production"))
            #expect(try registry.version(ofAlias: "production", name: "income") == 1)
            #expect(try registry.aliasHistory("production", name: "income").isEmpty)
            try registry.setAlias("production", name: "income", version: 2)
            #expect(try registry.aliasHistory("production", name: "income").map(\.to) == [1, 2])
            #expect(try registry.rollbackAlias("production", name: "income") == 1)
        }
    }

    @Test("concurrent moves of one alias lose no history")
    func concurrentMoves() throws {
        try withRegistry { registry, _ in
            let model = try train(.decisionTree)
            for _ in 0..<2 { _ = try registry.register(model, manifest: draft()) }
            DispatchQueue.concurrentPerform(iterations: 40) { index in
                try? registry.setAlias("production", name: "income", version: index % 2 + 1, by: ["run": String(index)])
            }
            let history = try registry.aliasHistory("production", name: "income")
            #expect(history.last?.to == (try registry.version(ofAlias: "production", name: "income")))
            for (previous, move) in zip(history, history.dropFirst()) { #expect(move.from == previous.to) }
        }
    }

    @Test("the manifest profiles each feature from the training data")
    func profiles() throws {
        try withRegistry { registry, _ in
            let model = try train(.decisionTree)
            var withInputs = draft()
            withInputs.inputs = FeatureProfile.profiles(of: ModelFixtures.mixedFrame, schema: model.encoder.schema)
            let manifest = try registry.register(model, manifest: withInputs)
            let inputs = try #require(try registry.manifest(name: "income", version: manifest.version).inputs)
            #expect(inputs.map(\.name) == ["age", "hours", "color"])
            let age = ModelFixtures.mixedFrame.column(named: "age")
            guard case .numeric(let ages)? = age else { throw ModelError("age is numeric in the fixture") }
            let seen = ages.values.filter { !$0.isNaN }
            #expect(inputs[0].type == .numeric && inputs[0].minimum == seen.min() && inputs[0].maximum == seen.max())
            #expect(inputs[0].missingAllowed == (seen.count < ages.values.count))
            #expect(inputs[2].type == .categorical && inputs[2].categories == model.encoder.schema.features[2].categories)
        }
    }

    @Test("undefined metrics are stored and read back")
    func nanMetrics() throws {
        try withRegistry { registry, _ in
            var draft = draft()
            draft.metrics = ["roc_auc": .nan, "accuracy": 1]
            _ = try registry.register(try train(.logisticRegression), manifest: draft)
            let manifest = try registry.manifest(name: "income")
            #expect(manifest.metrics["roc_auc"]?.isNaN == true)
            #expect(manifest.metrics["accuracy"] == 1)
        }
    }
}
