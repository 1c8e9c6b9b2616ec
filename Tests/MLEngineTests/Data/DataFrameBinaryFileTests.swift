import Foundation
import Testing
@testable import MLEngine

@Suite("DataFrame streamed binary file")
struct DataFrameBinaryFileTests {
    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "labbook-frame-\(UUID().uuidString).bin"
    }

    @Test("writes the bytes of binaryEncoded() and returns their SHA-256")
    func sameBytes() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hash = try DataFrameBinaryTests.frame.writeBinary(toFile: path)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect([UInt8](written) == DataFrameBinaryTests.frame.binaryEncoded())
        #expect(hash == Digest.sha256Hex(DataFrameBinaryTests.frame.binaryEncoded()))
    }

    @Test("a frame larger than the chunk buffer streams to the same bytes")
    func largeFrame() throws {
        let rows = 300_000
        let frame = DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: (0..<rows).map { Double($0) * 0.5 })),
            .categorical(CategoricalColumn(name: "c", codes: (0..<rows).map { UInt32($0 % 3) }, categories: ["a", "b", "c"])),
        ])
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hash = try frame.writeBinary(toFile: path)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect([UInt8](written) == frame.binaryEncoded())
        #expect(hash == Digest.sha256Hex([UInt8](written)))
    }

    @Test("an unwritable path is a DataError")
    func unwritable() {
        #expect(throws: DataError.self) { try DataFrameBinaryTests.frame.writeBinary(toFile: "/nonexistent-folder/x.bin") }
    }

    @Test("a known content hash is used as given and the parse is the same")
    func knownHash() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "a,b\n" + (0..<50_000).map { "\($0),x\($0 % 7)\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let hashed = try CSVReader.read(path: path)
        #expect(hashed.fingerprint.content == "sha256:" + Digest.sha256Hex(text))
        let reused = try CSVReader.read(path: path, knownContentHash: String(repeating: "ab", count: 32))
        #expect(reused.frame == hashed.frame)
        #expect(reused.fingerprint.content == "sha256:" + String(repeating: "ab", count: 32))
        #expect(reused.fingerprint.schema == hashed.fingerprint.schema)
    }
}
