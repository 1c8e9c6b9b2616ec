extension CSVScanner {
    /// Scans records into `block` (cleared first, its origin set to `position`) until
    /// it is full or a record would start at or after `limit`. Same rules as
    /// ``scan(from:limit:into:)``, written out for the hot path: field boundaries go
    /// straight into the block's cells. The block's `rows` is set even when an
    /// error is thrown (to the complete records before it).
    mutating func scanBlock(
        from position: CSVPosition, limit: Int, block: CSVBlock, header: [String]
    ) throws(DataError) -> CSVPosition {
        block.reset(origin: position.offset)
        guard let base = buffer.baseAddress else { return position }
        let end = buffer.count
        let delimiter = self.delimiter
        let cells = block.cells
        let stride = block.stride
        let capacity = block.capacity
        let columns = columnCount
        let origin = position.offset
        var rows = 0
        defer { block.rows = rows }
        var offset = position.offset
        var line = position.line
        while offset < limit && rows < capacity {
            let first = base[offset]
            if first == Self.lineFeed || first == Self.carriageReturn {
                offset = Self.skipLineBreak(base, offset, end)
                line += 1
                continue
            }
            let recordLine = line
            let recordStart = offset
            var column = 0
            var cell = cells + rows
            while true {
                if offset < end && base[offset] == Self.quote {
                    let field = try quotedField(base: base, end: end, from: offset, line: &line)
                    if column < columns {
                        cell.pointee = try Self.quotedCell(field, base: base, origin: origin, block: block)
                    }
                    offset = field.after
                } else {
                    let cursor = Self.fieldEnd(base, from: offset, end: end, delimiter: delimiter)
                    if column < columns {
                        let length = cursor &- offset
                        guard length <= CSVBlock.maximumFieldLength, offset &- origin <= Int(UInt32.max) else {
                            throw Self.tooLarge(line: line)
                        }
                        cell.pointee = CSVBlock.cell(offset: offset &- origin, length: length, flags: 0)
                    }
                    offset = cursor
                }
                column &+= 1
                cell += stride
                if offset >= end { break }
                if base[offset] == delimiter {
                    offset &+= 1
                    continue
                }
                offset = Self.skipLineBreak(base, offset, end)
                line &+= 1
                break
            }
            guard column == columns else {
                throw DataError(file: "", line: recordLine, message: CSVChunk.raggedMessage(fields: column, header: header))
            }
            block.rowStarts[rows] = recordStart
            block.rowLines[rows] = recordLine
            rows &+= 1
        }
        return CSVPosition(offset: offset, line: line)
    }

    /// The cell for a quoted field; escaped content is copied, unescaped, to the
    /// block's side buffer.
    private static func quotedCell(_ field: QuotedField, base: UnsafePointer<UInt8>, origin: Int, block: CSVBlock) throws(DataError) -> UInt64 {
        let content = UnsafeBufferPointer(start: base + field.content.lowerBound, count: field.content.count)
        guard content.count <= CSVBlock.maximumFieldLength, field.content.lowerBound - origin <= Int(UInt32.max) else {
            throw tooLarge(line: field.openLine)
        }
        guard field.escaped else {
            return CSVBlock.cell(offset: field.content.lowerBound - origin, length: content.count, flags: CSVBlock.quotedFlag)
        }
        var unescaped = [UInt8]()
        unescaped.reserveCapacity(content.count)
        unescape(content) { unescaped.append($0) }
        let start = unescaped.withUnsafeBufferPointer { block.appendSide($0) }
        return CSVBlock.cell(offset: start, length: unescaped.count, flags: CSVBlock.quotedFlag | CSVBlock.sideFlag)
    }

    private static func tooLarge(line: Int) -> DataError {
        DataError(file: "", line: line, message: "a field or record is too large (over 1 GB)")
    }
}
