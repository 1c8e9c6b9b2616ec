import Testing
@testable import MLEngine

/// Each fitted step against scikit-learn 1.9.1 (numpy 2.4.6). The constants come from
/// `.venv-bench/bin/python` running:
///
/// ```python
/// import numpy as np
/// from sklearn.impute import SimpleImputer
/// from sklearn.preprocessing import StandardScaler, MinMaxScaler, KBinsDiscretizer, OneHotEncoder, OrdinalEncoder
/// from sklearn.pipeline import make_pipeline
/// nan = np.nan
/// x = np.array([3.5, nan, 1.0, 7.25, 1.0, 10.0, nan, 4.0, 2.5, 1.0]).reshape(-1, 1)
/// y = np.array([100, 250, 175, 400, 120, 90, 310, 200, 150, 275.0]).reshape(-1, 1)
/// xnew = np.array([nan, -3.0, 12.0, 4.0]).reshape(-1, 1)
/// ynew = np.array([50.0, 137.5, 175.0, 500.0]).reshape(-1, 1)
/// SimpleImputer(strategy=s).fit(x).statistics_                    # s: mean, median, most_frequent
/// make_pipeline(SimpleImputer(strategy="median"), StandardScaler()).fit(x).transform(np.vstack([x, xnew]))
/// make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()).fit(x).transform(np.vstack([x, xnew]))
/// make_pipeline(SimpleImputer(strategy="constant", fill_value=-1.5), MinMaxScaler()).fit(x).transform(...)
/// make_pipeline(SimpleImputer(strategy="median"), MinMaxScaler()).fit(x).transform(...)
/// KBinsDiscretizer(n_bins=b, strategy=s, encode="ordinal", quantile_method="linear", subsample=None).fit(y)
///     # .bin_edges_, .transform(y), .transform(ynew) for (quantile, 4), (uniform, 3), (quantile, 3)
/// make_pipeline(SimpleImputer(strategy="most_frequent"), KBinsDiscretizer(n_bins=4, strategy="quantile",
///     encode="ordinal", quantile_method="linear", subsample=None)).fit(x)   # edges, transform(vstack)
/// color = np.array(["red","blue",None,"green","red","blue","red",None,"green","red"], dtype=object).reshape(-1,1)
/// colnew = np.array(["purple", None, "green"], dtype=object).reshape(-1,1)
/// make_pipeline(SimpleImputer(strategy=s, fill_value=fv, missing_values=None),
///     OneHotEncoder(handle_unknown="ignore", sparse_output=False)).fit(color).transform(np.vstack([color, colnew]))
/// size = np.array(["s","m","l","m","s","s","xl","m","s","l"], dtype=object).reshape(-1,1)
/// sizenew = np.array(["xxl","l","xl","s"], dtype=object).reshape(-1,1)
/// OneHotEncoder(handle_unknown="ignore", sparse_output=False, max_categories=m).fit(size)   # m: None, 3, 2
/// OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(size)
/// ```
@Suite("Preprocessing steps against scikit-learn")
struct PreprocessingStepsTests {
    typealias F = ModelFixtures

    static let x: [Double] = [3.5, .nan, 1.0, 7.25, 1.0, 10.0, .nan, 4.0, 2.5, 1.0]
    static let xNew: [Double] = [.nan, -3.0, 12.0, 4.0]
    static let y: [Double] = [100, 250, 175, 400, 120, 90, 310, 200, 150, 275]
    static let yNew: [Double] = [50.0, 137.5, 175.0, 500.0]
    static let color: [String?] = ["red", "blue", nil, "green", "red", "blue", "red", nil, "green", "red"]
    static let colorNew: [String?] = ["purple", nil, "green"]
    static let size: [String?] = ["s", "m", "l", "m", "s", "s", "xl", "m", "s", "l"]
    static let sizeNew: [String?] = ["xxl", "l", "xl", "s"]

    /// Fits one numeric feature on `train` and encodes `train + later` (one value per row).
    private func numeric(_ steps: NumericPreprocessing, _ train: [Double], _ later: [Double]) throws -> (NumericTransform, [Double]) {
        let spec = PreprocessingSpec(numeric: steps)
        let encoder = try FeatureEncoder.fit(frame: DataFrame(columns: [F.numeric("v", train)]), features: ["v"], preprocessing: spec)
        guard case .numeric(let fitted) = encoder.transforms[0] else { throw ModelError("not numeric") }
        return (fitted, try encoder.transform(DataFrame(columns: [F.numeric("v", train + later)])).values)
    }

    /// Fits one categorical feature on `train` and encodes `train + later` as rows.
    private func categorical(
        _ steps: CategoricalPreprocessing, _ train: [String?], _ later: [String?]
    ) throws -> (FeatureEncoder, [[Double]]) {
        let spec = PreprocessingSpec(categorical: steps)
        let encoder = try FeatureEncoder.fit(frame: DataFrame(columns: [F.categorical("c", train)]), features: ["c"], preprocessing: spec)
        let matrix = try encoder.transform(DataFrame(columns: [F.categorical("c", train + later)]))
        return (encoder, (0..<matrix.rows).map { row in (0..<matrix.columns).map { matrix[row, $0] } })
    }

    @Test("numeric imputation fills as SimpleImputer", arguments: [
        (NumericImputation.mean, 3.78125), (.median, 3.0), (.mostFrequent, 1.0), (.constant(-1.5), -1.5),
    ])
    func numericImputation(imputation: NumericImputation, expected: Double) throws {
        let (fitted, values) = try numeric(NumericPreprocessing(imputation: imputation, scaling: .unscaled), Self.x, Self.xNew)
        #expect(fitted.fill == expected)
        #expect(values[1] == expected && values[6] == expected && values[10] == expected)
        #expect(values[0] == 3.5 && values[11] == -3.0)
    }

    @Test("most frequent numbers: the smallest of a tie; an empty column fills with 0")
    func mostFrequentTies() throws {
        #expect(try numeric(NumericPreprocessing(imputation: .mostFrequent), [5, 2, 5, 2, .nan], []).0.fill == 2)
        #expect(try numeric(NumericPreprocessing(imputation: .median), [.nan, .nan], []).0.fill == 0)
    }

    @Test("standard scaling after imputation matches StandardScaler")
    func standardScaling() throws {
        let median = try numeric(NumericPreprocessing(imputation: .median, scaling: .standard), Self.x, Self.xNew).1
        #expect(F.allClose(median, [
            -0.045147762114756566, -0.2257388105737828, -0.9481030044098878, 1.3092851013279403, -0.9481030044098878,
            2.3025358678525847, -0.2257388105737828, 0.1354432863442697, -0.4063298590328091, -0.9481030044098878,
            -0.2257388105737828, -2.392831392082098, 3.02490006168869, 0.1354432863442697,
        ], tolerance: 1e-12))
        let mean = try numeric(NumericPreprocessing(imputation: .mean, scaling: .standard), Self.x, Self.xNew).1
        #expect(F.allClose(mean, [
            -0.10223576854092963, 0.0, -1.0109981555714151, 1.2609078120047987, -1.0109981555714151,
            2.260546437738333, 0.0, 0.07951670886516748, -0.46574072335312383, -1.0109981555714151,
            0.0, -2.465017974820192, 2.9875563473627214, 0.07951670886516748,
        ], tolerance: 1e-12))
    }

    @Test("min-max scaling after imputation matches MinMaxScaler")
    func minMaxScaling() throws {
        let constant = try numeric(NumericPreprocessing(imputation: .constant(-1.5), scaling: .minMax), Self.x, Self.xNew).1
        #expect(F.allClose(constant, [
            0.4347826086956522, 0.0, 0.21739130434782608, 0.7608695652173914, 0.21739130434782608, 1.0, 0.0,
            0.4782608695652174, 0.34782608695652173, 0.21739130434782608, 0.0, -0.13043478260869565,
            1.1739130434782608, 0.4782608695652174,
        ], tolerance: 1e-12))
        let median = try numeric(NumericPreprocessing(imputation: .median, scaling: .minMax), Self.x, Self.xNew).1
        #expect(F.allClose(median, [
            0.27777777777777773, 0.2222222222222222, 0.0, 0.6944444444444444, 0.0, 1.0, 0.2222222222222222,
            0.3333333333333333, 0.16666666666666669, 0.0, 0.2222222222222222, -0.4444444444444444, 1.222222222222222,
            0.3333333333333333,
        ], tolerance: 1e-12))
    }

    @Test("a constant column is only shifted by either scaler", arguments: [Scaling.standard, .minMax])
    func constantColumn(scaling: Scaling) throws {
        let (fitted, values) = try numeric(NumericPreprocessing(scaling: scaling), [2, 2, .nan], [3])
        #expect(fitted.scale == 1 && fitted.center == 2)
        #expect(values == [0, 0, 0, 1])
    }

    @Test("binning matches KBinsDiscretizer(encode='ordinal')", arguments: [
        (Binning(bins: 4, strategy: .quantile), [90.0, 127.5, 187.5, 268.75, 400.0],
         [0.0, 2, 1, 3, 0, 0, 3, 2, 1, 3], [0.0, 1, 1, 3]),
        (Binning(bins: 3, strategy: .uniform), [90.0, 193.33333333333331, 296.66666666666663, 400.0],
         [0.0, 1, 0, 2, 0, 0, 2, 1, 0, 1], [0.0, 0, 0, 2]),
        (Binning(bins: 3, strategy: .quantile), [90.0, 150.0, 250.00000000000003, 400.0],
         [0.0, 1, 1, 2, 0, 0, 2, 1, 1, 2], [0.0, 0, 1, 2]),
    ])
    func binning(binning: Binning, edges: [Double], train: [Double], later: [Double]) throws {
        let (fitted, values) = try numeric(NumericPreprocessing(binning: binning, scaling: .unscaled), Self.y, Self.yNew)
        #expect(fitted.binEdges == edges)
        #expect(values == train + later)
    }

    @Test("binning after imputation merges coinciding quantile edges")
    func binningAfterImputation() throws {
        let steps = NumericPreprocessing(imputation: .mostFrequent, binning: Binning(bins: 4), scaling: .unscaled)
        let (fitted, values) = try numeric(steps, Self.x, Self.xNew)
        #expect(fitted.binEdges == [1.0, 1.75, 3.875, 10.0])
        #expect(values == [1.0, 0, 0, 2, 0, 2, 0, 2, 1, 0, 0, 0, 2, 2])
    }

    @Test("a constant column gets a single bin")
    func constantBinning() throws {
        let (fitted, values) = try numeric(NumericPreprocessing(binning: Binning(bins: 5), scaling: .unscaled), [4, 4, 4], [9, -1])
        #expect(fitted.binEdges == [4, 4])
        #expect(values == [0, 0, 0, 0, 0])
    }

    @Test("categorical imputation then one-hot matches SimpleImputer + OneHotEncoder(handle_unknown='ignore')")
    func categoricalImputation() throws {
        let (frequent, mostFrequentRows) = try categorical(CategoricalPreprocessing(imputation: .mostFrequent), Self.color, Self.colorNew)
        #expect(frequent.outputNames == ["c=blue", "c=green", "c=red"])
        #expect(mostFrequentRows == [
            [0, 0, 1], [1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 0, 1], [0, 0, 1], [0, 1, 0], [0, 0, 1],
            [0, 0, 0], [0, 0, 1], [0, 1, 0],
        ])
        let (constant, constantRows) = try categorical(CategoricalPreprocessing(imputation: .constant("unknown")), Self.color, Self.colorNew)
        #expect(constant.outputNames == ["c=blue", "c=green", "c=red", "c=unknown"])
        #expect(constantRows == [
            [0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 1, 0],
            [0, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 1], [0, 1, 0, 0],
        ])
        // The schema lists what the data held, not the fill.
        #expect(constant.schema.features[0].categories == ["blue", "green", "red"])
    }

    @Test("the most frequent category breaks ties by sorted order")
    func categoricalTies() throws {
        let (encoder, _) = try categorical(CategoricalPreprocessing(imputation: .mostFrequent), ["b", "a", "b", "a", nil], [])
        #expect(encoder.transforms[0] == .categorical(CategoricalTransform(fill: "a", categories: ["a", "b"])))
    }

    @Test("one-hot encoding: unseen categories give zeros", arguments: [
        (nil as Int?, ["c=l", "c=m", "c=s", "c=xl"], [
            [0.0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1],
            [0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0],
        ]),
        // scikit-learn puts the infrequent column last, as the "other" column here.
        (3, ["c=m", "c=s", "c=(other)"], [
            [0.0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1],
            [0, 0, 0], [0, 0, 1], [0, 0, 1], [0, 1, 0],
        ]),
        (2, ["c=s", "c=(other)"], [
            [1.0, 0], [0, 1], [0, 1], [0, 1], [1, 0], [1, 0], [0, 1], [0, 1], [1, 0], [0, 1], [0, 0], [0, 1], [0, 1], [1, 0],
        ]),
    ])
    func oneHot(maxCategories: Int?, names: [String], rows: [[Double]]) throws {
        let (encoder, encoded) = try categorical(CategoricalPreprocessing(maxCategories: maxCategories), Self.size, Self.sizeNew)
        #expect(encoder.outputNames == names)
        #expect(encoded == rows)
    }

    @Test("max_categories ties: the first categories in sorted order become other, as in scikit-learn")
    func maxCategoriesTies() throws {
        // OneHotEncoder(max_categories=3).fit([a,b,c,a,b,c,d]).get_feature_names_out() → x0_b, x0_c, x0_infrequent_sklearn
        let (encoder, _) = try categorical(CategoricalPreprocessing(maxCategories: 3), ["a", "b", "c", "a", "b", "c", "d"], [])
        #expect(encoder.outputNames == ["c=b", "c=c", "c=(other)"])
        #expect(encoder.transforms[0] == .categorical(CategoricalTransform(categories: ["b", "c"], otherCategories: ["a", "d"])))
        // No "other" column when the categories fit.
        let (all, _) = try categorical(CategoricalPreprocessing(maxCategories: 4), ["a", "b", "c", "d"], [])
        #expect(all.outputCount == 4)
    }

    @Test("ordinal encoding matches OrdinalEncoder(unknown_value=-1); missing also gives -1")
    func ordinal() throws {
        let (encoder, rows) = try categorical(CategoricalPreprocessing(encoding: .ordinal), Self.size, Self.sizeNew + [nil])
        #expect(encoder.outputNames == ["c"])
        #expect(rows.flatMap { $0 } == [2.0, 1, 0, 1, 2, 2, 3, 1, 2, 0, -1, 0, 3, 2, -1])
    }

    @Test("steps combine per feature type and per column, in feature order")
    func combined() throws {
        let frame = DataFrame(columns: [
            F.numeric("x", Self.x), F.numeric("y", Self.y), F.categorical("size", Self.size), F.categorical("color", Self.color),
        ])
        let spec = PreprocessingSpec(
            numeric: NumericPreprocessing(imputation: .median, scaling: .minMax),
            categorical: CategoricalPreprocessing(encoding: .ordinal),
            columns: [
                "y": .numeric(NumericPreprocessing(binning: Binning(bins: 4), scaling: .unscaled)),
                "color": .categorical(CategoricalPreprocessing(imputation: .constant("none"), maxCategories: 2)),
            ]
        )
        let encoder = try FeatureEncoder.fit(frame: frame, features: ["size", "y", "x", "color"], preprocessing: spec)
        #expect(encoder.outputNames == ["size", "y", "x", "color=red", "color=(other)"])
        #expect(encoder.outputFeatureIndices == [0, 1, 2, 3, 3])
        let matrix = try encoder.transform(frame)
        // Row 2: size "l" → 0, y 175 → bin 1, x 1.0 → 0 after min-max, color missing → "none" → other.
        #expect((0..<5).map { matrix[2, $0] } == [0, 1, 0, 0, 1])
        // Row 0: size "s" → 2, y 100 → 0, x 3.5 → 0.2777…, color "red".
        #expect(F.allClose((0..<5).map { matrix[0, $0] }, [2, 0, 0.27777777777777773, 1, 0], tolerance: 1e-12))
    }
}
