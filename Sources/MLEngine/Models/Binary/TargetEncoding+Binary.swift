extension TargetEncoding: BinaryModelPart {
    /// The task, the class labels, and the one-versus-rest flag.
    func write(to writer: inout ModelBinaryWriter) {
        task.write(to: &writer)
        writer.strings(classes)
        writer.bool(oneVersusRest)
    }

    /// Reads the layout of ``write(to:)``; a classification task needs one label per class.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let task = try LearningTask(reading: &reader)
        let classes = try reader.strings()
        let oneVersusRest = try reader.bool()
        guard classes.count == task.classCount else {
            throw ModelBinaryReader.damaged("the target encoding has \(classes.count) labels for \(task.classCount) classes")
        }
        self.init(task: task, classes: classes, oneVersusRest: oneVersusRest)
    }
}
