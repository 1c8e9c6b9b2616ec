import Foundation
import Testing
@testable import MLEngine

/// Preprocessing carried through training, JSON and the model registry.
@Suite("Preprocessing in model bundles")
struct PreprocessingBundleTests {
    typealias F = ModelFixtures

    /// Median imputation, min-max scaling, quantile binning of `hours`, one-hot `color` capped at 2 columns.
    static let spec = PreprocessingSpec(
        numeric: NumericPreprocessing(imputation: .median, scaling: .minMax),
        categorical: CategoricalPreprocessing(imputation: .mostFrequent, encoding: .oneHot, maxCategories: 2),
        columns: ["hours": .numeric(NumericPreprocessing(imputation: .median, binning: Binning(bins: 4, strategy: .quantile), scaling: .minMax))]
    )

    private func train(_ kind: ModelKind, preprocessing: PreprocessingSpec = spec) throws -> TrainedModel {
        try TrainedModel.train(
            kind: kind, parameters: kind == .decisionTree ? ["max_depth": .int(4)] : [:], frame: F.mixedFrame,
            features: ["age", "hours", "color"], target: "label", positive: "yes", preprocessing: preprocessing
        )
    }

    /// Unseen rows: an unknown category (`purple`), a missing one, a missing age, values outside the training range.
    static var unseen: DataFrame {
        DataFrame(columns: [
            F.numeric("age", [25.0, .nan, 61.5, 5]), F.numeric("hours", [40.0, 20.0, 55.0, .nan]),
            F.categorical("color", ["red", "purple", nil, "orange"]),
        ])
    }

    private func bitPatterns(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    @Test("the spec reaches the encoder", arguments: ModelFixtures.binaryKinds)
    func trained(kind: ModelKind) throws {
        let model = try train(kind)
        #expect(model.encoder.preprocessing == Self.spec)
        #expect(model.encoder.outputNames == ["age", "hours", "color=blue", "color=(other)"])
        let matrix = try model.encoder.transform(Self.unseen)
        // hours 20 is below every training value (bin 0 → 0 after min-max); age 5 is below the training minimum.
        #expect(matrix[1, 1] == 0)
        #expect(matrix[3, 0] < 0)
        // purple is unknown → zeros; missing → the most frequent training colour; orange is unknown too.
        guard matrix.columns == 4 else { return }
        #expect((2..<4).map { matrix[1, $0] } == [0, 0])
        #expect((2..<4).map { matrix[3, $0] } == [0, 0])
        #expect((2..<4).map { matrix[2, $0] } == [1, 0])
        let probabilities = try model.predictProbabilities(Self.unseen)
        #expect(probabilities.count == 4 && probabilities.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test("loading from the registry reproduces predictions bit for bit", arguments: ModelFixtures.binaryKinds)
    func registryRoundTrip(kind: ModelKind) throws {
        let root = FileManager.default.temporaryDirectory.path + "/labbook-preprocessing-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let registry = ModelRegistry(root: root)
        let model = try train(kind)
        let manifest = try registry.register(model, manifest: ModelManifestDraft(name: "income", dataFingerprint: "sha256:0"))
        let (loaded, loadedManifest) = try registry.load(name: "income", version: nil)
        #expect(loaded == model)
        #expect(loadedManifest == manifest)
        #expect(manifest.featureSchema == model.encoder.schema)
        #expect(manifest.featureSchema.features[2].categories == ["blue", "green", "red"])
        for frame in [F.mixedFrame, F.mixedTestFrame, Self.unseen] {
            #expect(bitPatterns(try loaded.predictProbabilities(frame)) == bitPatterns(try model.predictProbabilities(frame)))
            #expect(bitPatterns(try loaded.encoder.transform(frame).values) == bitPatterns(try model.encoder.transform(frame).values))
        }
        _ = try registry.register(try train(kind), manifest: ModelManifestDraft(name: "income", dataFingerprint: "sha256:0"))
        let first = try Data(contentsOf: URL(fileURLWithPath: root + "/income/1/model.json"))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: root + "/income/2/model.json"))))
        let json = String(decoding: first, as: UTF8.self)
        #expect(json.contains(#""formatVersion" : 2"#))
        #expect(json.contains(#""max_categories" : 2"#))
    }

    @Test("an encoder survives a JSON round trip", arguments: [PreprocessingSpec(), spec])
    func encoderRoundTrip(spec: PreprocessingSpec) throws {
        let encoder = try FeatureEncoder.fit(frame: F.mixedFrame, features: ["age", "hours", "color"], preprocessing: spec)
        let decoded = try JSONDecoder().decode(FeatureEncoder.self, from: try JSONEncoder().encode(encoder))
        #expect(decoded == encoder)
    }

    @Test("a version 1 encoder still loads and encodes as before")
    func legacyEncoder() throws {
        let json = """
            {"schema": {"features": [{"name": "x", "type": "numeric"}, {"name": "c", "type": "categorical", "categories": ["a", "b"]}]},
             "standardize": true, "scalings": [{"mean": 2.5, "center": 2, "scale": 4}, null]}
            """
        let encoder = try F.decode(FeatureEncoder.self, from: json)
        #expect(encoder.standardize)
        #expect(encoder.transforms == [
            .numeric(NumericTransform(fill: 2.5, center: 2, scale: 4)), .categorical(CategoricalTransform(categories: ["a", "b"])),
        ])
        let frame = DataFrame(columns: [F.numeric("x", [6, .nan]), F.categorical("c", ["b", "z"])])
        // Version 1: (x - center) / scale, a missing x as (mean - center) / scale; unknown categories as zeros.
        #expect(try encoder.transform(frame).values == [1, 0, 1, 0.125, 0, 0])
    }

    @Test("a model whose encoder is stored as version 1 predicts bit for bit the same", arguments: ModelFixtures.historicalKinds)
    func legacyModel(kind: ModelKind) throws {
        let model = try train(kind, preprocessing: PreprocessingSpec())
        // Rewrite the encoder in the version 1 layout, holding the same numbers.
        let scalings: [Any] = model.encoder.transforms.map { transform -> Any in
            guard case .numeric(let steps) = transform else { return NSNull() }
            return ["mean": steps.fill, "center": steps.center, "scale": steps.scale]
        }
        let schema = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(model.encoder.schema))
        guard var object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(model)) as? [String: Any] else {
            Issue.record("not an object")
            return
        }
        object["encoder"] = ["schema": schema, "standardize": kind == .logisticRegression, "scalings": scalings]
        let legacy = try JSONDecoder().decode(TrainedModel.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(legacy == model)
        for frame in [F.mixedFrame, F.mixedTestFrame] {
            #expect(bitPatterns(try legacy.predictProbabilities(frame)) == bitPatterns(try model.predictProbabilities(frame)))
        }
    }

    @Test("damaged or newer encoders are refused", arguments: [
        (#"{"formatVersion": 3, "schema": {"features": []}}"#, "the feature encoder has format version 3; this engine reads versions 1 to 2"),
        (#"{"formatVersion": 2, "schema": {"features": [{"name": "x", "type": "numeric"}]}, "preprocessing": {}, "transforms": []}"#,
         "the encoder has 0 fitted features but its schema lists 1"),
        (#"{"formatVersion": 2, "schema": {"features": [{"name": "x", "type": "numeric"}]}, "preprocessing": {},"#
            + #" "transforms": [{"categorical": {"encoding": "one_hot", "categories": [], "otherCategories": []}}]}"#,
         "the fitted steps of feature `x` do not match its type"),
        (#"{"formatVersion": 2, "schema": {"features": [{"name": "x", "type": "numeric"}]}, "preprocessing": {},"#
            + #" "transforms": [{"numeric": {"fill": 0, "center": 0, "scale": 0}}]}"#,
         "feature `x`: a numeric feature's fill, center and scale must be finite, and its scale not 0"),
        (#"{"formatVersion": 2, "schema": {"features": [{"name": "x", "type": "numeric"}]}, "preprocessing": {},"#
            + #" "transforms": [{"numeric": {"fill": 0, "center": 0, "scale": 1, "binEdges": [3, 1]}}]}"#,
         "feature `x`: a numeric feature's bin edges must be at least two finite numbers in ascending order"),
        (#"{"schema": {"features": [{"name": "x", "type": "numeric"}]}, "standardize": false, "scalings": [null]}"#,
         "the fitted steps of feature `x` do not match its type"),
    ])
    func refused(json: String, message: String) {
        do {
            _ = try F.decode(FeatureEncoder.self, from: json)
            Issue.record("decoded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
