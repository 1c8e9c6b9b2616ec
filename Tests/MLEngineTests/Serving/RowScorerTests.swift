import Foundation
import Testing
@testable import MLEngine

@Suite("Single-row scoring equals the batch path bit for bit")
struct RowScorerTests {
    /// Each row of `frame` as a parsed object, missing values as `null`.
    static func objects(_ frame: DataFrame, features: [String]) -> [ServingObject] {
        (0..<frame.rowCount).map { row in
            var object = ServingObject()
            for name in features {
                guard let column = frame.column(named: name) else { continue }
                object.keys.append(name)
                switch column {
                case .numeric(let numeric): object.values.append(numeric.values[row].isNaN ? .null : .number(numeric.values[row]))
                case .categorical(let categorical): object.values.append(categorical.value(at: row).map(ServingValue.string) ?? .null)
                }
            }
            return object
        }
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    static func check(_ model: TrainedModel, frame: DataFrame) throws {
        let scorer = RowScorer(model: model, profiles: FeatureProfile.profiles(of: frame, schema: model.encoder.schema))
        let objects = Self.objects(frame, features: model.features)
        let batch = try model.predictOutputs(frame)
        let rows = try scorer.score(objects: objects)
        #expect(Self.bits(rows.outputs) == Self.bits(batch), "\(model.kind.rawValue)")
        // One row at a time too (the server's usual request).
        var single: [Double] = []
        for object in objects { single += try scorer.score(objects: [object]).outputs }
        #expect(Self.bits(single) == Self.bits(batch), "\(model.kind.rawValue) one row at a time")
        // And as columns + data, columns shuffled.
        let columns = model.features.reversed().map { $0 }
        let data = objects.map { object in columns.map { object[$0] ?? .null } }
        #expect(Self.bits(try scorer.score(columns: columns, data: data).outputs) == Self.bits(batch))
        #expect(try (0..<frame.rowCount).map { rows.label(ofRow: $0) } == model.predictLabels(frame).map { model.task == .regression ? nil : $0 })
    }

    @Test("every binary model family, default preprocessing", arguments: ModelFixtures.binaryKinds)
    func binary(kind: ModelKind) throws {
        let frame = ModelFixtures.mixedFrame
        let model = try TrainedModel.train(
            kind: kind, parameters: [:], frame: frame, features: ["age", "hours", "color"], target: "label", positive: "yes")
        try Self.check(model, frame: frame)
    }

    @Test("every multi-class and regression model family", arguments: ModelKind.allCases)
    func otherTasks(kind: ModelKind) throws {
        let frame = ModelFixtures.mixedFrame
        let colors = DataFrame(columns: frame.columns.filter { $0.name != "label" } + [
            ModelFixtures.categorical("shade", (0..<frame.rowCount).map { ["light", "mid", "dark"][$0 % 3] }),
        ])
        if kind.tasks.contains(.multiclass) {
            let model = try TrainedModel.train(
                kind: kind, parameters: [:], frame: colors, features: ["age", "hours", "color"], target: "shade", positive: nil)
            try Self.check(model, frame: colors)
        }
        if kind.tasks.contains(.regression) {
            let model = try TrainedModel.train(
                kind: kind, parameters: [:], frame: colors, features: ["age", "color", "shade"], target: "hours", positive: nil)
            try Self.check(model, frame: colors)
        }
    }

    @Test("scaled, binned, imputed and one-hot-with-other preprocessing encode as the batch path does")
    func preprocessing() throws {
        let frame = ModelFixtures.mixedFrame
        var spec = PreprocessingSpec(
            numeric: NumericPreprocessing(imputation: .median, scaling: .minMax),
            categorical: CategoricalPreprocessing(imputation: .mostFrequent, maxCategories: 2))
        spec.columns["hours"] = .numeric(NumericPreprocessing(binning: Binning(bins: 4)))
        let model = try TrainedModel.train(
            kind: .logisticRegression, parameters: [:], frame: frame, features: ["age", "hours", "color"], target: "label",
            positive: "yes", preprocessing: spec)
        try Self.check(model, frame: frame)
    }
}
