/// A value with a layout in the binary model format (see `docs/model-format.md`): it writes
/// itself to a ``ModelBinaryWriter`` and reads itself back, checking what it reads so that
/// damaged input fails with ``ModelError`` instead of producing a model that traps later.
protocol BinaryModelPart {
    /// Appends the value's layout.
    func write(to writer: inout ModelBinaryWriter)
    /// Reads a value written by ``write(to:)``.
    init(reading reader: inout ModelBinaryReader) throws(ModelError)
}

extension ModelBinaryReader {
    /// `a * b`, or a damage error when the product overflows (sizes read from input).
    static func product(_ a: Int, _ b: Int) throws(ModelError) -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow, a >= 0, b >= 0 else { throw damaged("a size is out of range") }
        return result
    }

    /// A non-negative zigzag varint that fits in an `Int32`.
    mutating func int32() throws(ModelError) -> Int32 {
        let value = try signed()
        guard let narrow = Int32(exactly: value) else { throw Self.damaged("an index is out of range") }
        return narrow
    }
}
