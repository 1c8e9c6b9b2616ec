import Foundation
import Testing
@testable import MLEngine

@Suite("CSVReader parsing")
struct CSVReaderTests {
    typealias S = CSVTestSupport

    @Test func infersNumericAndCategoricalColumns() throws {
        let frame = try S.parse("a,b,c\n1,x,2.5\n2,y,\n3,x,NA\n")
        #expect(frame.rowCount == 3)
        #expect(frame.columnNames == ["a", "b", "c"])
        #expect(S.numeric(frame, "a") == [1, 2, 3])
        #expect(S.sameValues(S.numeric(frame, "c"), [2.5, .nan, .nan]))
        let b = try #require(S.categorical(frame, "b"))
        #expect(b.categories == ["x", "y"])
        #expect(b.codes == [0, 1, 0])
    }

    @Test func quotedFieldsWithDelimitersEscapesAndNewlines() throws {
        let frame = try S.parse("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\n")
        #expect(S.strings(frame, "name") == ["Smith, J", "multi\nline"])
        #expect(S.strings(frame, "note") == ["said \"hi\"", "x"])
    }

    @Test func crlfLineEndingsAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,v\r\n1,a\r\n2,\"b\r\nc\"\r\n".utf8)
        let frame = try CSVReader.parse(bytes: bytes, displayName: "t.csv").frame
        #expect(frame.columnNames == ["id", "v"])
        #expect(S.numeric(frame, "id") == [1, 2])
        #expect(S.strings(frame, "v") == ["a", "b\r\nc"])
    }

    @Test func carriageReturnOnlyLineEndingsAndNoFinalNewline() throws {
        let frame = try S.parse("a,b\r1,2\r3,4")
        #expect(S.numeric(frame, "a") == [1, 3])
        #expect(S.numeric(frame, "b") == [2, 4])
    }

    @Test func customDelimiters() throws {
        let semicolon = try S.parse("a;b\n1,5;x\n", options: CSVOptions(delimiter: UInt8(ascii: ";")))
        #expect(S.strings(semicolon, "a") == ["1,5"])
        let tab = try S.parse("a\tb\n1\t two words \n", options: CSVOptions(delimiter: UInt8(ascii: "\t")))
        #expect(S.numeric(tab, "a") == [1])
        #expect(S.strings(tab, "b") == ["two words"])
    }

    @Test func defaultMissingMarkersAreTrimmed() throws {
        let frame = try S.parse("n,c\n 1 , Private\n ? , ?\nNA,NA\n,\n4,Self-emp\n")
        #expect(S.sameValues(S.numeric(frame, "n"), [1, .nan, .nan, .nan, 4]))
        #expect(S.strings(frame, "c") == ["Private", nil, nil, nil, "Self-emp"])
        #expect(S.categorical(frame, "c")?.categories == ["Private", "Self-emp"])
    }

    @Test func customMissingMarkers() throws {
        let options = CSVOptions(missingMarkers: ["-", "missing"])
        let frame = try S.parse("n,c\n1,a\n-,missing\n3,\n", options: options)
        #expect(S.sameValues(S.numeric(frame, "n"), [1, .nan, 3]))
        #expect(S.strings(frame, "c") == ["a", nil, ""])
    }

    @Test func quotedValuesKeepSpacesButMissingMatchesTrimmed() throws {
        let frame = try S.parse("c,n\n\" a \",\" 7 \"\n\"\",\"NA\"\n")
        #expect(S.strings(frame, "c") == [" a ", nil])
        #expect(S.sameValues(S.numeric(frame, "n"), [7, .nan]))
    }

    @Test func typeInferenceLooksAtTheWholeFile() throws {
        let frame = try S.parse("x,y\n1,\n2,\n1,5\nabc,\n")
        let x = try #require(S.categorical(frame, "x"))
        #expect(x.categories == ["1", "2", "abc"])
        #expect(x.codes == [0, 1, 0, 2])
        #expect(S.sameValues(S.numeric(frame, "y"), [.nan, .nan, 5, .nan]))
    }

    @Test func categoriesKeepFirstAppearanceAfterLeadingMissingValues() throws {
        let frame = try S.parse("x\nNA\nfoo\n3\nbar\nfoo\n")
        let x = try #require(S.categorical(frame, "x"))
        #expect(x.categories == ["foo", "3", "bar"])
        #expect(x.codes == [CategoricalColumn.missingCode, 0, 1, 2, 0])
    }

    @Test func allMissingColumnIsNumeric() throws {
        let frame = try S.parse("a,b\n1,\n2,NA\n")
        #expect(S.sameValues(S.numeric(frame, "b"), [.nan, .nan]))
    }

    @Test func typeOverrides() throws {
        let options = CSVOptions(columnTypes: ["zip": .categorical, "score": .numeric])
        let frame = try S.parse("zip,score\n02134,1\n10001,NA\n", options: options)
        #expect(S.strings(frame, "zip") == ["02134", "10001"])
        #expect(S.sameValues(S.numeric(frame, "score"), [1, .nan]))
    }

    @Test func blankLinesAreSkipped() throws {
        let frame = try S.parse("\na,b\n\n1,2\n\n\n3,4\n\n")
        #expect(S.numeric(frame, "a") == [1, 3])
    }

    @Test func numberFormats() throws {
        let frame = try S.parse("v\n1e3\n-0.5\n.5\n+2\n1.\n-inf\n12345678901234567890123\n0.1\n2.2250738585072014e-308\n")
        #expect(S.numeric(frame, "v") == [1000, -0.5, 0.5, 2, 1, -.infinity, 1.2345678901234568e22, 0.1, 2.2250738585072014e-308])
        let nan = try S.parse("v\nnan\n1\n")
        #expect(S.sameValues(S.numeric(nan, "v"), [.nan, 1]))
        let text = try S.parse("v\n1e\n")
        #expect(S.strings(text, "v") == ["1e"])
    }

    @Test func numberParsingIsCorrectlyRounded() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let digits = 1 + generator.nextInt(below: 20)
            var text = generator.nextInt(below: 2) == 0 ? "-" : ""
            for position in 0..<digits {
                if position == generator.nextInt(below: digits + 1) { text += "." }
                text += String(generator.nextInt(below: 10))
            }
            if generator.nextInt(below: 3) == 0 { text += "e\(generator.nextInt(below: 60) - 30)" }
            let parsed = Array(text.utf8).withUnsafeBufferPointer { CSVNumberParser.parse($0) }
            #expect(parsed == Double(text), "\(text)")
            // The eight-at-a-time path, with digits after the field that must be ignored.
            let padded = Array(text.utf8) + Array("123456789".utf8)
            let wide = padded.withUnsafeBufferPointer { buffer in
                CSVNumberParser.parse(UnsafeBufferPointer(rebasing: buffer[0..<text.utf8.count]), readable: buffer.count)
            }
            #expect(wide == Double(text), "\(text) (8 at a time)")
        }
        for text in ["12345678", "1234567.8", "-0.12345678", "+5.", ".25", "00000001.00000001", "12345678.123", "1.2.3", "-", ".", "1-"] {
            let padded = Array(text.utf8) + Array("00000000".utf8)
            let wide = padded.withUnsafeBufferPointer { buffer in
                CSVNumberParser.parse(UnsafeBufferPointer(rebasing: buffer[0..<text.utf8.count]), readable: buffer.count)
            }
            #expect(wide == Double(text), "\(text)")
        }
    }

    @Test func readsFromAFileWithFingerprint() throws {
        let url = try S.temporaryFile(Array("a,b\n1,x\n".utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let loaded = try CSVReader.read(path: url.path, displayName: "data/d.csv")
        #expect(loaded.byteCount == 8)
        #expect(loaded.frame.rowCount == 1)
        #expect(loaded.fingerprint.content == "sha256:eccc6303d8ede5e5ec22d288b8350193f9eb907c93f49c78d5b1ff0af7ecd450")
        #expect(loaded.fingerprint.schema == "sha256:78543960a20eaba2cebfb076ee679f6c394a01d3daf1ab7ab72a842c15326b8b")
    }

    @Test func sameBytesGiveSameFingerprintAndSchemaFollowsTypes() throws {
        let first = try CSVReader.parse(bytes: Array("a,b\n1,x\n".utf8), displayName: "one.csv")
        let second = try CSVReader.parse(bytes: Array("a,b\n1,x\n".utf8), displayName: "two.csv")
        #expect(first.fingerprint == second.fingerprint)
        let forced = try CSVReader.parse(
            bytes: Array("a,b\n1,x\n".utf8), displayName: "one.csv", options: CSVOptions(columnTypes: ["a": .categorical]))
        #expect(forced.fingerprint.content == first.fingerprint.content)
        #expect(forced.fingerprint.schema != first.fingerprint.schema)
    }

    @Test func digestHelper() {
        #expect(Digest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
