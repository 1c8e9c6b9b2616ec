import Foundation
import Testing
import FileKinds
@testable import MLEngine

/// Paths that are not regular files are refused before any byte is read: no endless read of
/// `/dev/zero`, no hang on a FIFO without a writer.
@Suite("CSVReader special files")
struct CSVSpecialFileTests {
    @Test(arguments: ["/dev/zero", "/dev/urandom"])
    func characterDeviceIsRefused(path: String) {
        let expected = DataError(file: "data/x.csv", message: "not a regular file (a character device)")
        #expect(throws: expected) { try CSVReader.read(path: path, displayName: "data/x.csv") }
        #expect(throws: expected) { try CSVReader.header(path: path, displayName: "data/x.csv") }
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let folder = NSTemporaryDirectory() + "labbook-fifo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/x.csv"
        try #require(mkfifo(path, 0o600) == 0)
        let expected = DataError(file: "data/x.csv", message: "not a regular file (a FIFO)")
        #expect(throws: expected) { try CSVReader.read(path: path, displayName: "data/x.csv") }
        #expect(throws: expected) { try CSVReader.header(path: path, displayName: "data/x.csv") }
        #expect(FileKind.nonRegular(path: path) == "a FIFO")
    }

    @Test func regularFileAndMissingPathAreNotFlagged() throws {
        #expect(FileKind.nonRegular(path: "/nonexistent-labbook-dir/x.csv") == nil)
        #expect(FileKind.nonRegular(path: "/etc/passwd") == nil)
    }
}
