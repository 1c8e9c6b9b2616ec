import NotebookFormat
import Testing

/// Decoding a notebook's bytes names the first invalid byte.
@Suite struct NotebookSourceTests {
    @Test func validTextDecodes() throws {
        #expect(try NotebookSource.decode(Array("é\n".utf8)) == "é\n")
    }

    @Test func theFirstInvalidByteIsNamed() {
        #expect(throws: NotebookReadError.invalidUTF8(byte: 5, line: 3)) { try NotebookSource.decode([0x61, 0x0A, 0x0A, 0xC3, 0xA9, 0x80]) }
        #expect(throws: NotebookReadError.invalidUTF8(byte: 1, line: 1)) { try NotebookSource.decode([0x61, 0xE2, 0x82]) }
    }

    @Test func reasonsReadPlainly() {
        #expect(NotebookReadError.invalidUTF8(byte: 4, line: 2).description == "invalid UTF-8 at byte 4 (line 2)")
        #expect(NotebookReadError.noSuchFile.description == "no such file")
        #expect(NotebookReadError.permissionDenied.description == "permission denied")
    }
}
