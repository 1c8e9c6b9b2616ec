import Foundation
import Testing
@testable import MLEngine

/// `badNumbers: .missing`: a non-number in a forced-numeric column is missing, counted per
/// column with the line of the first, the same whatever the chunking.
@Suite struct CSVBadNumberTests {
    static let options = CSVOptions(columnTypes: ["age": .numeric, "size": .numeric], badNumbers: .missing)

    @Test func badValuesAreMissingAndCountedWithTheFirstLine() throws {
        // Lines 3–4 hold one record (a quoted line break), so the third record is on line 5.
        let text = "age,note,size\n1,a,10\n2,\"two\nlines\",20\nx,b,\"thirty\"\n4,c,?\n5,d,n/a\n"
        let loaded = try CSVReader.parse(bytes: Array(text.utf8), displayName: "cur.csv", options: Self.options)
        let age = try #require(CSVTestSupport.numeric(loaded.frame, "age"))
        let size = try #require(CSVTestSupport.numeric(loaded.frame, "size"))
        #expect(age.count == 5 && age[0] == 1 && age[1] == 2 && age[2].isNaN && age[3] == 4 && age[4] == 5)
        // `?` is a missing marker, not a bad value.
        #expect(size[0] == 10 && size[1] == 20 && size[2].isNaN && size[3].isNaN && size[4].isNaN)
        #expect(loaded.badValues == [
            BadValueCount(file: "cur.csv", column: "age", count: 1, firstLine: 5),
            BadValueCount(file: "cur.csv", column: "size", count: 2, firstLine: 5),
        ])
        #expect(loaded.badValues[1].location == "cur.csv:5")
    }

    @Test func theFieldLineIsWhereTheBadFieldStarts() throws {
        let text = "note,size\n\"a\nb\",oops\n"
        let loaded = try CSVReader.parse(bytes: Array(text.utf8), displayName: "cur.csv", options: Self.options.dropping("age"))
        #expect(loaded.badValues == [BadValueCount(file: "cur.csv", column: "size", count: 1, firstLine: 3)])
    }

    @Test func withoutTheOptionABadValueStillFails() {
        var strict = Self.options.dropping("age")
        strict.badNumbers = .fail
        #expect(CSVTestSupport.error("size\n1\nbig\n", options: strict) == "t.csv:3: column `size`: \"big\" is not a number")
    }

    @Test func chunkedParsesCountTheSame() throws {
        var lines = ["age,size"]
        for row in 0..<20_000 {
            let age = row % 997 == 5 ? "unknown" : String(row % 90)
            let size = row % 1_500 == 7 ? "-" : "\(Double(row) / 4)"
            lines.append("\(age),\(size)")
        }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let whole = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
            try CSVReader.parse(buffer: buffer, options: Self.options, chunkCount: 1)
        }
        #expect(whole.badValues.map(\.column) == ["age", "size"])
        #expect(whole.badValues[0].count == 21 && whole.badValues[0].firstLine == 7)
        #expect(whole.badValues[1].count == 14 && whole.badValues[1].firstLine == 9)
        for chunks in [2, 7, 16] {
            let parsed = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
                try CSVReader.parse(buffer: buffer, options: Self.options, chunkCount: chunks)
            }
            #expect(parsed.badValues == whole.badValues, "\(chunks) chunks")
            #expect(parsed.frame.columns.count == whole.frame.columns.count)
            #expect(CSVTestSupport.numeric(parsed.frame, "age")?.map { $0.isNaN ? -1 : $0 } == CSVTestSupport.numeric(whole.frame, "age")?.map { $0.isNaN ? -1 : $0 })
        }
    }
}

extension CSVOptions {
    fileprivate func dropping(_ column: String) -> CSVOptions {
        var options = self
        options.columnTypes[column] = nil
        return options
    }
}
