extension ParameterValue: BinaryModelPart {
    /// A tag byte (0 int, 1 double, 2 string, 3 bool), then a zigzag varint, a double's bit
    /// pattern, a string, or a byte 0/1.
    func write(to writer: inout ModelBinaryWriter) {
        switch self {
        case .int(let value):
            writer.byte(0)
            writer.signed(value)
        case .double(let value):
            writer.byte(1)
            writer.double(value)
        case .string(let value):
            writer.byte(2)
            writer.string(value)
        case .bool(let value):
            writer.byte(3)
            writer.bool(value)
        }
    }

    /// Reads the layout of ``write(to:)``, keeping the written case (unlike JSON, `1.0` stays a double).
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        switch try reader.byte() {
        case 0: self = .int(try reader.signed())
        case 1: self = .double(try reader.double())
        case 2: self = .string(try reader.string())
        case 3: self = .bool(try reader.bool())
        case let tag: throw ModelBinaryReader.damaged("unknown parameter type \(tag)")
        }
    }
}
