import Foundation
import Testing
@testable import MLEngine

@Suite("Rows are checked against the feature schema")
struct RowEncoderTests {
    static func scorer(_ options: RowEncoderOptions = RowEncoderOptions()) throws -> RowScorer {
        let frame = ModelFixtures.mixedFrame
        let model = try TrainedModel.train(
            kind: .gradientBoosting, parameters: [:], frame: frame, features: ["age", "hours", "color"], target: "label", positive: "yes")
        var options = options
        options.ignoredFields.insert("label")
        return RowScorer(model: model, profiles: FeatureProfile.profiles(of: frame, schema: model.encoder.schema), options: options)
    }

    static func row(_ json: String) throws -> ServingObject {
        guard let object = try ServingJSON.parse(Array(json.utf8)).object else { throw RowError(.badShape, "not an object") }
        return object
    }

    static func failure(_ json: String, _ options: RowEncoderOptions = RowEncoderOptions()) throws -> RowError? {
        let scorer = try scorer(options)
        let rows = [try row(#"{"age": 30, "hours": 40, "color": "red"}"#), try row(json)]
        do {
            _ = try scorer.score(objects: rows)
            return nil
        } catch {
            return error
        }
    }

    @Test("a good row scores; the label column and missing values where training had them pass")
    func good() throws {
        let scorer = try Self.scorer()
        let scored = try scorer.score(objects: [
            try Self.row(#"{"age": 30, "hours": 40, "color": "red"}"#),
            try Self.row(#"{"color": null, "hours": 40, "age": null, "label": "yes"}"#),
            try Self.row(#"{"hours": 40}"#),
        ])
        #expect(scored.rows == 3)
        #expect(scored.outputs.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test("each kind of bad input names its reason, field and row")
    func bad() throws {
        let unknown = try #require(try Self.failure(#"{"age": 30, "hours": 40, "colour": "red"}"#))
        #expect(unknown.reason == .unknownField && unknown.field == "colour" && unknown.row == 1)
        let missing = try #require(try Self.failure(#"{"age": 30, "color": "red"}"#))
        #expect(missing.reason == .missingField && missing.field == "hours" && missing.row == 1)
        #expect(missing.description.hasPrefix(#"row 1, field "hours": "#))
        let type = try #require(try Self.failure(#"{"age": "thirty", "hours": 40, "color": "red"}"#))
        #expect(type.reason == .wrongType && type.field == "age")
        let categoryType = try #require(try Self.failure(#"{"age": 30, "hours": 40, "color": 3}"#))
        #expect(categoryType.reason == .wrongType && categoryType.field == "color")
        let nan = try #require(try Self.failure(#"{"age": 30, "hours": NaN, "color": "red"}"#))
        #expect(nan.reason == .missingValue && nan.field == "hours")
        let null = try #require(try Self.failure(#"{"age": 30, "hours": null, "color": "red"}"#))
        #expect(null.reason == .missingValue && null.field == "hours")
        let infinite = try #require(try Self.failure(#"{"age": Infinity, "hours": 40, "color": "red"}"#))
        #expect(infinite.reason == .wrongType)
        let unseen = try #require(try Self.failure(#"{"age": 30, "hours": 40, "color": "purple"}"#))
        #expect(unseen.reason == .unseenCategory && unseen.field == "color" && unseen.row == 1)
        let twice = try #require(try Self.failure(#"{"age": 30, "age": 31, "hours": 40, "color": "red"}"#))
        #expect(twice.reason == .badShape && twice.field == "age")
    }

    @Test("an unseen category may be treated as missing")
    func unseenAsMissing() throws {
        let options = RowEncoderOptions(unseenCategory: .treatAsMissing)
        #expect(try Self.failure(#"{"age": 30, "hours": 40, "color": "purple"}"#, options) == nil)
        let scorer = try Self.scorer(options)
        let unseen = try scorer.score(objects: [try Self.row(#"{"age": 30, "hours": 40, "color": "purple"}"#)])
        let missing = try scorer.score(objects: [try Self.row(#"{"age": 30, "hours": 40, "color": null}"#)])
        #expect(unseen.outputs == missing.outputs)
    }

    @Test("columns + data bodies check the columns once and each row's length")
    func table() throws {
        let scorer = try Self.scorer()
        #expect(throws: RowError.self) { try scorer.score(columns: ["age", "hours", "shade"], data: []) }
        #expect(throws: RowError.self) { try scorer.score(columns: ["age", "color"], data: []) }
        #expect(throws: RowError.self) { try scorer.score(columns: ["age", "hours", "color"], data: [[.number(1), .number(2)]]) }
        let scored = try scorer.score(columns: ["color", "hours", "age"], data: [[.string("red"), .number(40), .number(30)]])
        let same = try scorer.score(objects: [try Self.row(#"{"age": 30, "hours": 40, "color": "red"}"#)])
        #expect(scored.outputs == same.outputs)
    }

    @Test("request bodies in every accepted shape give the same rows")
    func shapes() throws {
        let scorer = try Self.scorer()
        let names = scorer.encoder.featureNames
        let bodies = [
            #"{"rows": [{"age": 30, "hours": 40, "color": "red"}]}"#,
            #"{"dataframe_records": [{"age": 30, "hours": 40, "color": "red"}]}"#,
            #"{"columns": ["age", "hours", "color"], "data": [[30, 40, "red"]]}"#,
            #"{"dataframe_split": {"columns": ["age", "hours", "color"], "data": [[30, 40, "red"]]}}"#,
            #"{"instances": [{"age": 30, "hours": 40, "color": "red"}]}"#,
            #"{"instances": [[30, 40, "red"]]}"#,
        ]
        var outputs: [[Double]] = []
        for body in bodies {
            let input = try ScoringInput(body: try ServingJSON.parse(Array(body.utf8)), featureNames: names)
            outputs.append(try scorer.score(input).outputs)
        }
        #expect(Set(outputs).count == 1)
        for bad in [#"[1]"#, #"{"rows": 3}"#, #"{"rows": [3]}"#, #"{"nothing": []}"#, #"{"columns": [1], "data": []}"#] {
            #expect(throws: RowError.self) { try ScoringInput(body: try ServingJSON.parse(Array(bad.utf8)), featureNames: names) }
        }
    }
}
