extension LogisticRegression: BinaryModelPart {
    /// The task, the input count, the penalty (a byte: its index in `Penalty.allCases`), the
    /// coefficients and intercepts (count and doubles each), the converged flag, the
    /// iterations and the final gradient norm.
    func write(to writer: inout ModelBinaryWriter) {
        task.write(to: &writer)
        writer.count(inputCount)
        writer.byte(UInt8(Penalty.allCases.firstIndex(of: penalty) ?? 0))
        writer.doubles(coefficients)
        writer.doubles(intercepts)
        writer.bool(converged)
        writer.signed(iterations)
        writer.double(gradientNorm)
    }

    /// Reads the layout of ``write(to:)`` and checks that the weights fit the task and inputs.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let task = try LearningTask(reading: &reader)
        let inputCount = try reader.count()
        let penaltyIndex = Int(try reader.byte())
        guard penaltyIndex < Penalty.allCases.count else { throw ModelBinaryReader.damaged("unknown penalty") }
        let coefficients = try reader.doubles()
        let intercepts = try reader.doubles()
        let converged = try reader.bool()
        let iterations = try reader.signed()
        let gradientNorm = try reader.double()
        let weightRows = task == .binary ? 1 : task.classCount
        guard task != .regression, intercepts.count == weightRows,
              coefficients.count == (try ModelBinaryReader.product(weightRows, inputCount))
        else { throw ModelBinaryReader.damaged("the logistic regression's weights do not match its task and inputs") }
        self.init(
            task: task, inputCount: inputCount, penalty: Penalty.allCases[penaltyIndex], coefficients: coefficients,
            intercepts: intercepts, converged: converged, iterations: iterations, gradientNorm: gradientNorm)
    }
}
