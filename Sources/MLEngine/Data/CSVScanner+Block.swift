extension CSVScanner {
    /// Scans records into `block` (cleared first, its origin set to `position`) until
    /// it is full or a record would start at or after `limit`. Same rules as
    /// ``scan(from:limit:into:)``, written out for the hot path: separators are found
    /// 64 bytes at a time as bit masks (``CSVSeparatorMask``) and field boundaries go
    /// straight into the block's cells; quoted fields take an out-of-line path. The
    /// buffer must be followed by ``CSVWindow/padding`` zero bytes. The block's `rows`
    /// is set even when an error is thrown (to the complete records before it).
    mutating func scanBlock(
        from position: CSVPosition, limit: Int, block: CSVBlock, header: [String]
    ) throws(DataError) -> CSVPosition {
        block.reset(origin: position.offset)
        guard let base = buffer.baseAddress else { return position }
        let end = buffer.count
        let delimiter = self.delimiter
        // Every cell offset and length is then below 2^30.
        guard end - position.offset <= CSVBlock.maximumFieldLength else { throw Self.tooLarge(line: position.line) }
        let separators = CSVSeparatorMask(delimiter: delimiter)
        let stride = block.stride
        let capacity = block.capacity
        let origin = position.offset
        let rowCells = block.columnCount &* stride
        var rows = 0
        defer { block.rows = rows }
        var offset = position.offset
        var line = position.line
        // Separator bits of the 64 bytes from `windowStart`; bits below `offset` are stale.
        var windowStart = offset
        var mask = separators.mask(base + offset, before: end &- offset)
        while offset < limit && rows < capacity {
            let first = base[offset]
            if first == Self.lineFeed || first == Self.carriageReturn {
                offset = try lineBreakEnd(base, offset, end)
                line &+= 1
                continue
            }
            block.rowStarts[rows] = offset
            block.rowLines[rows] = line
            let rowStart = block.cells + rows
            var cell = rowStart
            let cellEnd = rowStart + rowCells
            while true {
                if base[offset] == Self.quote {
                    offset = try quotedCell(at: offset, line: &line, cell: cell < cellEnd ? cell : nil, block: block)
                    cell += stride
                    windowStart = offset
                    mask = separators.mask(base + offset, before: end &- offset)
                    if offset < end && base[offset] == delimiter {
                        offset &+= 1
                        continue
                    }
                } else {
                    // The next delimiter or line break at or after `offset` (a quote
                    // inside an unquoted field is an ordinary byte).
                    var shift = offset &- windowStart
                    if shift >= 64 {
                        windowStart = offset
                        mask = separators.mask(base + offset, before: end &- offset)
                        shift = 0
                    }
                    var bits = mask & (UInt64.max &<< UInt64(truncatingIfNeeded: shift))
                    var separator = end
                    var byte = Self.quote  // never the delimiter: "no separator before the end"
                    while true {
                        if bits == 0 {
                            windowStart &+= 64
                            if windowStart >= end { break }
                            bits = separators.mask(base + windowStart, before: end &- windowStart)
                            continue
                        }
                        separator = windowStart &+ bits.trailingZeroBitCount
                        byte = base[separator]
                        if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        // A quote inside the field, or a byte the mask only flags as a candidate.
                        bits &= bits &- 1
                        separator = end
                        byte = Self.quote
                    }
                    mask = bits
                    if cell < cellEnd {
                        cell.pointee = CSVBlock.cell(offset: offset &- origin, length: separator &- offset, flags: 0)
                    }
                    cell += stride
                    offset = separator
                    if byte == delimiter {
                        offset &+= 1
                        continue
                    }
                }
                if offset >= end {
                    if !isFinal { throw needMore() }
                    break
                }
                offset = try lineBreakEnd(base, offset, end)
                line &+= 1
                break
            }
            guard cell == cellEnd else {
                let fields = (cell - rowStart) / stride
                throw DataError(file: "", line: block.rowLines[rows], message: CSVChunk.raggedMessage(fields: fields, header: header))
            }
            rows &+= 1
        }
        return CSVPosition(offset: offset, line: line)
    }

    /// Reads the quoted field at `offset`, writes its cell (if `cell` is given; escaped
    /// content is copied, unescaped, to the block's side buffer) and returns the
    /// offset after it.
    @inline(never)
    private mutating func quotedCell(
        at offset: Int, line: inout Int, cell: UnsafeMutablePointer<UInt64>?, block: CSVBlock
    ) throws(DataError) -> Int {
        guard let base = buffer.baseAddress else { return offset }
        let field = try quotedField(base: base, end: buffer.count, from: offset, line: &line)
        guard let cell else { return field.after }
        let origin = block.origin
        let content = UnsafeBufferPointer(start: base + field.content.lowerBound, count: field.content.count)
        if field.escaped {
            let start = block.appendSideUnescaped(content)
            guard block.sideCount <= CSVBlock.maximumFieldLength else { throw Self.tooLarge(line: field.openLine) }
            cell.pointee = CSVBlock.cell(offset: start, length: block.sideCount - start, flags: CSVBlock.quotedFlag | CSVBlock.sideFlag)
        } else {
            cell.pointee = CSVBlock.cell(offset: field.content.lowerBound - origin, length: content.count, flags: CSVBlock.quotedFlag)
        }
        return field.after
    }

    private static func tooLarge(line: Int) -> DataError {
        DataError(file: "", line: line, message: "a field or record is too large (over 1 GB)")
    }
}
