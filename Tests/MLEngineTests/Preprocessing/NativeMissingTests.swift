import Testing
@testable import MLEngine

@Suite("Preprocessing left open per model kind")
struct NativeMissingTests {
    static let frame = DataFrame(columns: [
        .numeric(NumericColumn(name: "x", values: [1, .nan, 3, 5])),
        .categorical(CategoricalColumn(name: "c", codes: [0, 1, CategoricalColumn.missingCode, 0], categories: ["a", "b"])),
    ])

    @Test("imputation none keeps missing numbers as nan and scales over the present values")
    func noneKeepsNaN() throws {
        let spec = PreprocessingSpec(numeric: NumericPreprocessing(imputation: NumericImputation.none, scaling: .standard))
        let encoder = try FeatureEncoder.fit(frame: Self.frame, features: ["x"], preprocessing: spec)
        let matrix = try encoder.transform(Self.frame)
        #expect(matrix.values[1].isNaN)
        // mean 3, population deviation sqrt(8/3) over 1, 3, 5
        #expect(abs(matrix.values[0] - (1 - 3) / (8.0 / 3).squareRoot()) < 1e-12)
    }

    @Test("binning cannot leave values missing")
    func binningNeedsFill() {
        let spec = PreprocessingSpec(numeric: NumericPreprocessing(imputation: NumericImputation.none, binning: Binning(bins: 3)))
        #expect(throws: ModelError("numeric features: binning needs the missing values filled; choose an imputation other than none")) {
            try spec.validate()
        }
    }

    @Test("ordinal categorical columns are listed with their category counts")
    func ordinalColumns() throws {
        let spec = PreprocessingSpec(categorical: CategoricalPreprocessing(encoding: .ordinal))
        let encoder = try FeatureEncoder.fit(frame: Self.frame, features: ["x", "c"], preprocessing: spec)
        #expect(encoder.ordinalCategoricalColumns == [1: 2])
        let matrix = try encoder.transform(Self.frame)
        #expect(matrix.values[5] == -1)
        let oneHot = try FeatureEncoder.fit(frame: Self.frame, features: ["x", "c"], preprocessing: PreprocessingSpec())
        #expect(oneHot.ordinalCategoricalColumns.isEmpty)
    }
}
