import Foundation
import Testing
@testable import MLEngine

@Suite("PreprocessingSpec")
struct PreprocessingSpecTests {
    typealias F = ModelFixtures

    private func decode(_ json: String) throws -> PreprocessingSpec {
        try F.decode(PreprocessingSpec.self, from: json)
    }

    /// The plain-language description of a decoding failure.
    private func decodingMessage(_ json: String) -> String? {
        do {
            _ = try decode(json)
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test("the default spec is the historical encoding, resolved per model kind")
    func defaults() {
        let spec = PreprocessingSpec()
        #expect(spec.numeric == NumericPreprocessing(imputation: nil, binning: nil, scaling: .automatic))
        #expect(spec.numeric.imputation == .mean)
        #expect(spec.categorical == CategoricalPreprocessing(imputation: nil, encoding: nil, maxCategories: nil))
        #expect(spec.categorical.encoding == .oneHot)
        #expect(spec.resolved(for: .decisionTree).numeric.imputationChoice == .mean)
        #expect(spec.resolved(for: .decisionTree).categorical.encodingChoice == .oneHot)
        #expect(spec.resolved(for: .logisticRegression).numeric.scaling == .standard)
        #expect(spec.resolved(for: .decisionTree).numeric.scaling == .unscaled)
        let withColumn = PreprocessingSpec(columns: ["a": .numeric(NumericPreprocessing()), "b": .categorical(CategoricalPreprocessing())])
        #expect(withColumn.resolved(for: .logisticRegression).columns["a"] == .numeric(NumericPreprocessing(imputation: .mean, scaling: .standard)))
        #expect(withColumn.resolved(for: .logisticRegression).columns["b"] == .categorical(CategoricalPreprocessing(encoding: .oneHot)))
    }

    @Test("the default spec trains exactly the encoder of `standardize`", arguments: ModelFixtures.historicalKinds)
    func defaultMatchesHistorical(kind: ModelKind) throws {
        let frame = F.mixedFrame
        let features = ["age", "hours", "color"]
        let historical = try FeatureEncoder.fit(frame: frame, features: features, target: "label", standardize: kind == .logisticRegression)
        let model = try TrainedModel.train(kind: kind, parameters: [:], frame: frame, features: features, target: "label", positive: "yes")
        #expect(model.encoder == historical)
        #expect(model.encoder.standardize == (kind == .logisticRegression))
    }

    @Test("validation names the part at fault", arguments: [
        (PreprocessingSpec(numeric: NumericPreprocessing(binning: Binning(bins: 1))),
         "numeric features: `bins` must be at least 2; got 1"),
        (PreprocessingSpec(numeric: NumericPreprocessing(imputation: .constant(.nan))),
         "numeric features: the imputation constant must be a finite number; got nan"),
        (PreprocessingSpec(categorical: CategoricalPreprocessing(maxCategories: 0)),
         "categorical features: `max_categories` must be at least 1; got 0"),
        (PreprocessingSpec(categorical: CategoricalPreprocessing(encoding: .ordinal, maxCategories: 5)),
         "categorical features: `max_categories` applies only to one_hot encoding, not ordinal"),
        (PreprocessingSpec(columns: [
            "b": .numeric(NumericPreprocessing(binning: Binning(bins: 0, strategy: .uniform))),
            "a": .numeric(NumericPreprocessing(imputation: .constant(-.infinity))),
        ]), "column `a`: the imputation constant must be a finite number; got -inf"),
    ])
    func validation(spec: PreprocessingSpec, message: String) {
        #expect(throws: ModelError(message)) { try spec.validate() }
        #expect(throws: ModelError(message)) {
            try TrainedModel.train(
                kind: .decisionTree, parameters: [:], frame: F.mixedFrame, features: ["age", "color"], target: "label",
                positive: "yes", preprocessing: spec)
        }
    }

    @Test("names parse with plain-language errors")
    func names() throws {
        #expect(try NumericImputation(named: "most_frequent") == .mostFrequent)
        #expect(try NumericImputation(named: "constant", constant: 0) == .constant(0))
        #expect(try CategoricalImputation(named: "constant", constant: "n/a") == .constant("n/a"))
        #expect(try Scaling(named: "min_max") == .minMax)
        #expect(try CategoricalEncoding(named: "ordinal") == .ordinal)
        #expect(try Binning.Strategy(named: "uniform") == .uniform)
        #expect(throws: ModelError("unknown imputation `medain` for numeric features; use mean, median, most_frequent, constant or none")) {
            try NumericImputation(named: "medain")
        }
        #expect(throws: ModelError("constant imputation needs a value, e.g. {constant: 0}")) {
            try NumericImputation(named: "constant")
        }
        #expect(throws: ModelError("`median` imputation takes no value; only constant does")) {
            try NumericImputation(named: "median", constant: 1)
        }
        #expect(throws: ModelError("`mean` imputation needs numbers; categorical features take most_frequent or constant")) {
            try CategoricalImputation(named: "mean")
        }
        #expect(throws: ModelError("unknown scaling `minmax`; use auto, none, standard or min_max")) {
            try Scaling(named: "minmax")
        }
        #expect(throws: ModelError("unknown categorical encoding `onehot`; use one_hot or ordinal")) {
            try CategoricalEncoding(named: "onehot")
        }
        #expect(throws: ModelError("unknown binning strategy `kmeans`; use uniform or quantile")) {
            try Binning.Strategy(named: "kmeans")
        }
    }

    @Test("decodes the notebook form; absent keys take defaults")
    func decodesJSON() throws {
        let spec = try decode("""
            {"numeric": {"imputation": "median", "binning": {"bins": 5}, "scaling": "min_max"},
             "categorical": {"imputation": {"constant": "unknown"}, "max_categories": 10},
             "columns": {"age": {"numeric": {"imputation": {"constant": 0}}}, "zip": {"categorical": {"encoding": "ordinal"}}}}
            """)
        #expect(spec == PreprocessingSpec(
            numeric: NumericPreprocessing(imputation: .median, binning: Binning(bins: 5, strategy: .quantile), scaling: .minMax),
            categorical: CategoricalPreprocessing(imputation: .constant("unknown"), encoding: nil, maxCategories: 10),
            columns: [
                "age": .numeric(NumericPreprocessing(imputation: .constant(0))),
                "zip": .categorical(CategoricalPreprocessing(encoding: .ordinal)),
            ]
        ))
        #expect(try decode("{}") == PreprocessingSpec())
    }

    @Test("survives a JSON round trip", arguments: [
        PreprocessingSpec(),
        PreprocessingSpec(
            numeric: NumericPreprocessing(imputation: .constant(-2.5), binning: Binning(bins: 3, strategy: .uniform), scaling: .standard),
            categorical: CategoricalPreprocessing(imputation: .mostFrequent, encoding: .ordinal),
            columns: ["x": .numeric(NumericPreprocessing(imputation: .mostFrequent, scaling: .unscaled)),
                      "c": .categorical(CategoricalPreprocessing(maxCategories: 1))]
        ),
    ])
    func roundTrip(spec: PreprocessingSpec) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(spec)
        #expect(try JSONDecoder().decode(PreprocessingSpec.self, from: data) == spec)
    }

    @Test("bad JSON is explained in plain language", arguments: [
        (#"{"numeric": {"scaler": "standard"}}"#, "unknown key `scaler` in numeric preprocessing; use imputation, binning or scaling"),
        (#"{"numerics": {}}"#, "unknown key `numerics` in preprocessing; use numeric, categorical or columns"),
        (#"{"numeric": {"imputation": "average"}}"#,
         "unknown imputation `average` for numeric features; use mean, median, most_frequent, constant or none"),
        (#"{"categorical": {"imputation": "median"}}"#,
         "`median` imputation needs numbers; categorical features take most_frequent or constant"),
        (#"{"numeric": {"binning": {"bins": 1}}}"#, "numeric features: `bins` must be at least 2; got 1"),
        (#"{"numeric": {"binning": {"strategy": "uniform"}}}"#, "binning needs `bins`, e.g. {bins: 4, strategy: quantile}"),
        (#"{"numeric": {"binning": {"bins": 4, "strategy": "kmeans"}}}"#, "unknown binning strategy `kmeans`; use uniform or quantile"),
        (#"{"categorical": {"encoding": "ordinal", "max_categories": 3}}"#,
         "categorical features: `max_categories` applies only to one_hot encoding, not ordinal"),
        (#"{"columns": {"a": {"numeric": {}, "categorical": {}}}}"#, "column preprocessing needs exactly one of `numeric` or `categorical`"),
        (#"{"numeric": {"imputation": {"value": 3}}}"#, "unknown key `value` in a numeric imputation; use constant"),
        (#"{"numeric": {"scaling": "robust"}}"#, "unknown scaling `robust`; use auto, none, standard or min_max"),
    ])
    func decodingErrors(json: String, message: String) {
        #expect(decodingMessage(json) == message)
    }

    @Test("fitting checks column entries against the features")
    func columnErrors() throws {
        let frame = F.mixedFrame
        let stray = PreprocessingSpec(columns: ["agee": .numeric(NumericPreprocessing())])
        #expect(throws: ModelError("the preprocessing names column `agee`, which is not a feature; features are: age, color")) {
            try FeatureEncoder.fit(frame: frame, features: ["age", "color"], preprocessing: stray)
        }
        let textual = PreprocessingSpec(columns: ["color": .numeric(NumericPreprocessing())])
        #expect(throws: ModelError("the preprocessing for column `color` is numeric, but `color` holds text")) {
            try FeatureEncoder.fit(frame: frame, features: ["age", "color"], preprocessing: textual)
        }
        let numeric = PreprocessingSpec(columns: ["age": .categorical(CategoricalPreprocessing())])
        #expect(throws: ModelError("the preprocessing for column `age` is categorical, but `age` holds numbers")) {
            try FeatureEncoder.fit(frame: frame, features: ["age", "color"], preprocessing: numeric)
        }
    }
}
