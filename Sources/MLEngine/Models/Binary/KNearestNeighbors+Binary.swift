extension KNearestNeighbors: BinaryModelPart {
    /// The task, the input count, the neighbour count, the weighting (a byte: its index in
    /// `Weighting.allCases`), the power, the row count, then the training matrix
    /// (`rowCount * inputCount` compact doubles, row-major: one-hot columns take a byte a
    /// value) and the targets (`rowCount` compact doubles).
    func write(to writer: inout ModelBinaryWriter) {
        task.write(to: &writer)
        writer.count(inputCount)
        writer.count(neighborCount)
        writer.byte(UInt8(Weighting.allCases.firstIndex(of: weighting) ?? 0))
        writer.signed(power)
        writer.count(rowCount)
        writer.compactDoubles(trainingValues)
        writer.compactDoubles(targets)
    }

    /// Reads the layout of ``write(to:)`` and checks the sizes and the class targets.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let task = try LearningTask(reading: &reader)
        let inputCount = try reader.count()
        let neighborCount = try reader.count()
        let weightingIndex = Int(try reader.byte())
        guard weightingIndex < Weighting.allCases.count else { throw ModelBinaryReader.damaged("unknown weighting") }
        let power = try reader.signed()
        let rowCount = try reader.count()
        let values = try reader.compactDoubles(count: ModelBinaryReader.product(rowCount, inputCount))
        let targets = try reader.compactDoubles(count: rowCount)
        let classes = Double(task.classCount)
        guard rowCount >= 1, neighborCount >= 1, neighborCount <= rowCount, power == 1 || power == 2,
              task == .regression || targets.allSatisfy({ $0 >= 0 && $0 < classes && $0.rounded() == $0 })
        else { throw ModelBinaryReader.damaged("the k-nearest neighbours model's sizes or targets are inconsistent") }
        self.init(
            task: task, inputCount: inputCount, neighborCount: neighborCount, weighting: Weighting.allCases[weightingIndex],
            power: power, rowCount: rowCount, trainingValues: values, targets: targets)
    }
}
