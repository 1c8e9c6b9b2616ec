import Foundation
import Testing
@testable import MLEngine

/// The UCI Adult training file from the shared datasets folder, when present.
@Suite("Adult dataset")
struct AdultDatasetTests {
    static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Data
        .deletingLastPathComponent()  // MLEngineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/datasets/adult/adult-train.csv")
        .standardizedFileURL.path

    static var available: Bool { FileManager.default.fileExists(atPath: path) }

    @Test(
        "adult-train.csv loads with the documented shape and types",
        .enabled(if: AdultDatasetTests.available, "skipped: ../shared/datasets/adult/adult-train.csv is not present"))
    func loadsAdultTrain() throws {
        let loaded = try CSVReader.read(path: Self.path, displayName: "adult-train.csv")
        let frame = loaded.frame
        #expect(frame.rowCount == 32_561)
        #expect(frame.columns.count == 15)
        #expect(loaded.byteCount == 3_514_344)
        #expect(loaded.fingerprint.content == "sha256:5138b5b5c98caed85f1d168fa268339cfe6e9d033c3957515ab3a00396877174")
        let numeric: Set = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
        for column in frame.columns {
            #expect(column.type == (numeric.contains(column.name) ? .numeric : .categorical), "\(column.name)")
        }
        let missing = Dictionary(uniqueKeysWithValues: frame.summary().map { ($0.name, $0.missing) })
        #expect(missing["workclass"] == 1_836)
        #expect(missing["occupation"] == 1_843)
        #expect(missing["native-country"] == 583)
        let income = try #require(frame.column(named: "income"))
        let balance = ClassBalance.of(income)
        #expect(balance.classes.map(\.label) == ["<=50K", ">50K"])
        #expect(balance.classes.last?.count == 7_841)
    }

    @Test(
        "chunked parse of adult-train.csv equals the single-threaded one",
        .enabled(if: AdultDatasetTests.available, "skipped: ../shared/datasets/adult/adult-train.csv is not present"))
    func chunkedAdult() throws {
        let bytes = try CSVFile.readAll(path: Self.path)
        let single = try CSVParallelTests.frame(bytes, chunks: 1)
        #expect(CSVParallelTests.identical(try CSVParallelTests.frame(bytes, chunks: 2), single))
        #expect(CSVParallelTests.identical(try CSVParallelTests.frame(bytes, chunks: 7), single))
    }
}
