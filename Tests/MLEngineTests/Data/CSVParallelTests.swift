import Testing
@testable import MLEngine

/// Parsing in several chunks must give exactly the single-threaded result.
@Suite("CSVReader chunked parsing")
struct CSVParallelTests {
    typealias S = CSVTestSupport

    /// A file exercising cross-chunk type changes, category order and quoted newlines.
    static func sampleFile(rows: Int, longQuotedFieldAt: Int? = nil) -> [UInt8] {
        var text = "id,city,late_text,early_text,value,note\n"
        var generator = SeededGenerator(seed: 99)
        for row in 0..<rows {
            let city = ["Paris", "Oslo", "Lima", "Kyiv", "Quito"][generator.nextInt(below: 5)] + String(row / (rows / 4 + 1))
            let late = row == rows - 3 ? "late!" : String(generator.nextInt(below: 50))
            let early = row < 2 ? "word" : String(row % 7)
            let value = row % 11 == 0 ? "NA" : String(Double(generator.nextInt(below: 10_000)) / 100)
            var note = row % 5 == 0 ? "\"line one\nline \"\"two\"\"\"" : "plain \(row % 3)"
            if row == longQuotedFieldAt {
                note = "\"" + String(repeating: "long text,\nwith breaks\n", count: rows) + "\""
            }
            text += "\(row),\(city),\(late),\(early),\(value),\(note)\n"
        }
        return Array(text.utf8)
    }

    static func frame(_ bytes: [UInt8], chunks: Int) throws -> DataFrame {
        try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
            try CSVReader.parse(buffer: buffer, options: .init(), chunkCount: chunks).frame
        }
    }

    static func identical(_ lhs: DataFrame, _ rhs: DataFrame) -> Bool {
        guard lhs.columnNames == rhs.columnNames else { return false }
        for (left, right) in zip(lhs.columns, rhs.columns) {
            switch (left, right) {
            case (.numeric(let a), .numeric(let b)):
                guard a.values.map(\.bitPattern) == b.values.map(\.bitPattern) else { return false }
            case (.categorical(let a), .categorical(let b)):
                guard a == b else { return false }
            default:
                return false
            }
        }
        return true
    }

    @Test(arguments: [2, 3, 5, 8])
    func chunkedEqualsSingleThreaded(chunks: Int) throws {
        let bytes = Self.sampleFile(rows: 3000)
        let single = try Self.frame(bytes, chunks: 1)
        #expect(single.rowCount == 3000)
        #expect(single.column(named: "late_text")?.type == .categorical)
        #expect(single.column(named: "early_text")?.type == .categorical)
        #expect(single.column(named: "value")?.type == .numeric)
        #expect(S.categorical(single, "early_text")?.categories.prefix(3) == ["word", "2", "3"])
        #expect(Self.identical(try Self.frame(bytes, chunks: chunks), single))
    }

    @Test(arguments: [2, 4, 7])
    func quotedFieldSpanningChunkBoundaries(chunks: Int) throws {
        let bytes = Self.sampleFile(rows: 400, longQuotedFieldAt: 150)
        let single = try Self.frame(bytes, chunks: 1)
        #expect(single.rowCount == 400)
        #expect(Self.identical(try Self.frame(bytes, chunks: chunks), single))
    }

    @Test(arguments: [1, 2, 3, 6])
    func errorsLateInTheFileReportTheSameLine(chunks: Int) {
        var bytes = Self.sampleFile(rows: 2000)
        let lines = bytes.filter { $0 == UInt8(ascii: "\n") }.count
        bytes += Array("1,2,3\n".utf8)
        let expected = "t.csv:\(lines + 1): row has 3 fields but the header has 6 "
            + "(columns: id, city, late_text, early_text, value, note)"
        #expect(S.error(bytes, chunks: chunks) == expected)
    }

    @Test(arguments: [1, 3])
    func firstErrorInFileOrderWins(chunks: Int) {
        var bytes = Self.sampleFile(rows: 1500)
        let options = CSVOptions(columnTypes: ["value": .numeric])
        let split = bytes.count / 5
        let lineBreak = (split..<bytes.count).first { bytes[$0] == UInt8(ascii: "\n") } ?? split
        let line = bytes[...lineBreak].filter { $0 == UInt8(ascii: "\n") }.count + 1
        bytes.insert(contentsOf: Array("9,x,1,1,oops,n\n".utf8), at: lineBreak + 1)
        bytes += Array("1,2\n".utf8)
        #expect(S.error(bytes, options: options, chunks: chunks) == "t.csv:\(line): column `value`: \"oops\" is not a number")
    }
}
