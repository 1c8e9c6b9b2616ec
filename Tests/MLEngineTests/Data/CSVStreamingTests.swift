import Foundation
import Testing
@testable import MLEngine
#if canImport(Glibc)
import Glibc
#endif

/// Reading files in chunks through reused windows must give exactly the in-memory,
/// single-chunk result, and a file that changes while it is read is an error.
@Suite("CSVReader streaming")
struct CSVStreamingTests {
    typealias S = CSVTestSupport
    typealias P = CSVParallelTests

    @Test func fileReadInChunksEqualsSingleChunkParse() throws {
        let bytes = P.sampleFile(rows: 20_000)
        #expect(bytes.count > CSVParse.parallelThreshold)
        let url = try S.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let loaded = try CSVReader.read(path: url.path, displayName: "s.csv")
        let single = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
            try CSVReader.parse(buffer: buffer, options: .init(), chunkCount: 1)
        }
        #expect(P.identical(loaded.frame, single.frame))
        #expect(loaded.fingerprint == single.fingerprint)
        #expect(loaded.fingerprint.content == "sha256:" + Digest.sha256Hex(bytes))
        #expect(loaded.byteCount == bytes.count)
    }

    @Test(arguments: [2, 3, 5])
    func recordLongerThanTheLookaheadAcrossChunks(chunks: Int) throws {
        var text = "id,note,value\n"
        for row in 0..<300 {
            let note = row == 120 ? "\"" + String(repeating: "x,\ny\"\"", count: 60_000) + "\"" : "n\(row % 7)"
            text += "\(row),\(note),\(row % 5 == 0 ? "NA" : String(row))\n"
        }
        let bytes = Array(text.utf8)
        let single = try P.frame(bytes, chunks: 1)
        #expect(single.rowCount == 300)
        #expect(S.strings(single, "note")?[120]?.count == 60_000 * 5)
        #expect(P.identical(try P.frame(bytes, chunks: chunks), single))
    }

    @Test(arguments: [3, 9])
    func lineLongerThanSeveralChunksWithoutLineBreaks(chunks: Int) throws {
        var text = "id,note\n"
        for row in 0..<40 {
            let note = row == 10 ? "\"" + String(repeating: "a,b ", count: 50_000) + "\"" : "n\(row)"
            text += "\(row),\(note)\n"
        }
        let bytes = Array(text.utf8)
        let single = try P.frame(bytes, chunks: 1)
        #expect(S.strings(single, "note")?[10]?.count == 200_000)
        #expect(P.identical(try P.frame(bytes, chunks: chunks), single))
    }

    @Test(arguments: [2, 4])
    func carriageReturnLineEndsInChunks(chunks: Int) throws {
        let crlf = P.sampleFile(rows: 1_500).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map(Array.init).joined(separator: [0x0D, 0x0A])
        let lone = Array(crlf).filter { $0 != 0x0A }
        for bytes in [Array(crlf), lone] {
            #expect(P.identical(try P.frame(bytes, chunks: chunks), try P.frame(bytes, chunks: 1)))
        }
    }

    @Test(arguments: [1, 3, 6])
    func firstInvalidUTF8InFileOrderIsReported(chunks: Int) {
        var bytes = P.sampleFile(rows: 2_000)
        // Line feeds that end a record (the next record starts with its id).
        let recordEnds = bytes.indices.filter { index in
            bytes[index] == UInt8(ascii: "\n") && index + 1 < bytes.count && (0x30...0x39).contains(bytes[index + 1])
        }
        // The same bad text in the city column at two places; the first one counts.
        for index in [recordEnds[1_700], recordEnds[700]] {
            bytes.insert(contentsOf: Array("1,".utf8) + [0xC3, 0x28] + Array(",1,1,1,x\n".utf8), at: index + 1)
        }
        let line = bytes[...recordEnds[700]].filter { $0 == UInt8(ascii: "\n") }.count + 1
        #expect(S.error(bytes, chunks: chunks) == "t.csv:\(line): column `city` contains text that is not valid UTF-8")
    }

    @Test func longHeaderAndLongBlankPrefix() throws {
        let names = (0..<12_000).map { "column_\($0)" }
        let header = try S.parse(names.joined(separator: ",") + "\n" + names.indices.map(String.init).joined(separator: ",") + "\n")
        #expect(header.columnNames == names)
        #expect(S.numeric(header, "column_11999") == [11_999])
        let blank = String(repeating: "\n", count: 200_000)
        #expect(S.error(blank) == "t.csv: the file is empty")
        #expect(S.numeric(try S.parse(blank + "a\n" + blank + "1\n"), "a") == [1])
    }

    @Test func nulDelimiterStopsAtTheEnd() throws {
        let frame = try CSVReader.parse(bytes: Array("a\0b\n1\0x\n2\0".utf8), displayName: "t.csv", options: CSVOptions(delimiter: 0)).frame
        #expect(S.numeric(frame, "a") == [1, 2])
        #expect(S.strings(frame, "b") == ["x", nil])
    }

    @Test func fileThatShrinksOrGrowsWhileReadIsAnError() throws {
        let url = try S.temporaryFile(Array(repeating: UInt8(ascii: "x"), count: 4_096))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let changed = DataError(file: "", message: "cannot read file: it changed while it was being read")
        let file = try CSVFile.open(path: url.path)
        #expect(file.size == 4_096)
        #expect(truncate(url.path, 100) == 0)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        #expect(throws: changed) {
            try buffer.withUnsafeMutableBufferPointer { (pointer) throws(DataError) in
                guard let base = pointer.baseAddress else { return }
                try file.read(into: base, count: 4_096, at: 0)
            }
        }
        #expect(throws: changed) { try file.checkUnchanged() }
    }
}
