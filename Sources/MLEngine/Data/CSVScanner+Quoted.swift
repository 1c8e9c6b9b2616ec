extension CSVScanner {
    /// Where a quoted field lies: its content (between the quotes), whether it holds
    /// `""` escapes, the offset after it (a delimiter, a line end or the end) and the
    /// line on which it opened.
    struct QuotedField {
        var content: Range<Int>
        var escaped: Bool
        var after: Int
        var openLine: Int
    }

    /// Finds the quoted field opening at `start`, counting the line breaks inside it.
    mutating func quotedField(base: UnsafePointer<UInt8>, end: Int, from start: Int, line: inout Int) throws(DataError) -> QuotedField {
        let openLine = line
        var cursor = start + 1
        var escaped = false
        while true {
            while cursor < end {
                let byte = base[cursor]
                if byte == Self.quote { break }
                if byte == Self.lineFeed {
                    line += 1
                } else if byte == Self.carriageReturn {
                    if cursor + 1 >= end && !isFinal { throw needMore() }
                    if cursor + 1 >= end || base[cursor + 1] != Self.lineFeed { line += 1 }
                }
                cursor += 1
            }
            guard cursor < end else {
                if !isFinal { throw needMore() }
                throw DataError(file: "", line: openLine, message: "a quoted field opens on this line but is never closed")
            }
            if cursor + 1 >= end && !isFinal { throw needMore() }
            if cursor + 1 < end && base[cursor + 1] == Self.quote {
                escaped = true
                cursor += 2
                continue
            }
            break
        }
        var after = cursor + 1
        while after < end, base[after] != delimiter, base[after] == Self.space || base[after] == Self.tab {
            after += 1
        }
        if after < end {
            let byte = base[after]
            guard byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn else {
                throw DataError(
                    file: "", line: line,
                    message: "unexpected text after the closing quote of a field (a quote inside a quoted field must be written as \"\")")
            }
        } else if !isFinal {
            throw needMore()
        }
        return QuotedField(content: (start + 1)..<cursor, escaped: escaped, after: after, openLine: openLine)
    }

    /// Calls `emit` with the bytes of quoted content, each `""` turned into `"`.
    @inline(__always)
    static func unescape(_ content: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        var index = 0
        while index < content.count {
            let byte = content[index]
            emit(byte)
            index += byte == quote ? 2 : 1
        }
    }
}
