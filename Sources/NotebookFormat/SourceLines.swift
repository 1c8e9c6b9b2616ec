extension String {
    /// The text's lines without their line ends: LF and CRLF both end a line.
    ///
    /// Splitting on the `Character` "\n" alone would miss CRLF, which Swift treats as one
    /// character ("\r\n"), so a CRLF file would look like a single line.
    var sourceLines: [Substring] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }
}
