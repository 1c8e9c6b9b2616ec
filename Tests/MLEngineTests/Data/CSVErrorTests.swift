import Foundation
import Testing
@testable import MLEngine

@Suite("CSVReader errors")
struct CSVErrorTests {
    typealias S = CSVTestSupport

    @Test func missingFile() {
        #expect(throws: DataError(file: "data/x.csv", message: "cannot read file: no such file or directory")) {
            try CSVReader.read(path: "/nonexistent-labbook-dir/x.csv", displayName: "data/x.csv")
        }
    }

    @Test func directoryIsNotAFile() throws {
        let url = try S.temporaryFile([])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let path = url.deletingLastPathComponent().path
        #expect(throws: DataError(file: "dir", message: "not a regular file (a directory)")) {
            try CSVReader.read(path: path, displayName: "dir")
        }
        #expect(throws: DataError(file: "dir", message: "not a regular file (a directory)")) {
            try CSVReader.header(path: path, displayName: "dir")
        }
    }

    @Test func displayNameDefaultsToThePathAsGiven() {
        #expect(throws: DataError(file: "missing.csv", message: "cannot read file: no such file or directory")) {
            try CSVReader.read(path: "missing.csv")
        }
    }

    @Test func emptyFile() throws {
        #expect(S.error("") == "t.csv: the file is empty")
        #expect(S.error("\n\r\n") == "t.csv: the file is empty")
        let url = try S.temporaryFile([])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(throws: DataError(file: "e.csv", message: "the file is empty")) {
            try CSVReader.read(path: url.path, displayName: "e.csv")
        }
    }

    @Test func headerOnly() {
        #expect(S.error("a,b\n") == "t.csv: the file has a header but no data rows")
        #expect(S.error("a,b") == "t.csv: the file has a header but no data rows")
    }

    @Test func rowWithTooFewFields() {
        #expect(S.error("a,b,c,d\n1,2,3,4\n1,2,3\n") == "t.csv:3: row has 3 fields but the header has 4 (columns: a, b, c, d)")
    }

    @Test func rowWithTooManyFields() {
        #expect(S.error("a,b\n1,2,3\n") == "t.csv:2: row has 3 fields but the header has 2 (columns: a, b)")
    }

    @Test func raggedRowLineCountsBlankLinesAndQuotedNewlines() {
        #expect(S.error("a,b\n\n\"x\ny\",2\n\n1\n") == "t.csv:6: row has 1 field but the header has 2 (columns: a, b)")
    }

    @Test func unterminatedQuoteReportsTheLineWhereItOpens() {
        #expect(S.error("a,b\n1,2\n3,\"open\n4,5\n6,7\n") == "t.csv:3: a quoted field opens on this line but is never closed")
    }

    @Test func textAfterClosingQuote() {
        #expect(S.error("a,b\n\"x\"y,2\n")
            == "t.csv:2: unexpected text after the closing quote of a field (a quote inside a quoted field must be written as \"\")")
    }

    @Test func invalidUTF8() {
        let bytes = Array("a,b\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(S.error(bytes) == "t.csv:3: column `b` contains text that is not valid UTF-8")
        let header = Array("a,".utf8) + [0xFF] + Array("\n1,2\n".utf8)
        #expect(S.error(header) == "t.csv:1: the header contains text that is not valid UTF-8")
    }

    @Test func duplicateHeaderName() {
        #expect(S.error("a,b,a\n1,2,3\n") == "t.csv:1: duplicate column name `a` in the header (columns 1 and 3)")
    }

    @Test func emptyHeaderName() {
        #expect(S.error("a,,c\n1,2,3\n") == "t.csv:1: column 2 has an empty name in the header")
    }

    @Test func notANumberUnderNumericOverride() {
        let options = CSVOptions(columnTypes: ["age": .numeric])
        #expect(S.error("age,name\n31,x\nabc,y\n", options: options) == "t.csv:3: column `age`: \"abc\" is not a number")
    }

    @Test func typeOverrideForUnknownColumn() {
        let options = CSVOptions(columnTypes: ["agee": .numeric])
        #expect(S.error("age\n1\n", options: options) == "t.csv: a column type is given for `agee`, but the header has no such column")
    }

    @Test func invalidDelimiter() {
        #expect(S.error("a\n1\n", options: CSVOptions(delimiter: UInt8(ascii: "\"")))
            == "t.csv: the delimiter must be an ASCII character other than a quote or a line break")
    }

    @Test func descriptionFormats() {
        #expect(DataError(file: "f.csv", line: 4, message: "m").description == "f.csv:4: m")
        #expect(DataError(file: "f.csv", message: "m").description == "f.csv: m")
        #expect(DataError(file: "", message: "m").description == "m")
    }
}
