extension LearningTask: BinaryModelPart {
    /// A byte 0 (binary), 1 (multiclass, then the class count as a varint) or 2 (regression).
    func write(to writer: inout ModelBinaryWriter) {
        switch self {
        case .binary: writer.byte(0)
        case .multiclass(let classes):
            writer.byte(1)
            writer.count(classes)
        case .regression: writer.byte(2)
        }
    }

    /// Reads the layout of ``write(to:)``; a multiclass task needs 2 to 100 classes.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        switch try reader.byte() {
        case 0: self = .binary
        case 1:
            let classes = try reader.unsigned()
            guard classes >= 2, classes <= UInt64(TargetEncoding.maximumClasses) else {
                throw ModelBinaryReader.damaged("a multiclass task has \(classes) classes")
            }
            self = .multiclass(classes: Int(classes))
        case 2: self = .regression
        case let tag: throw ModelBinaryReader.damaged("unknown task \(tag)")
        }
    }
}
