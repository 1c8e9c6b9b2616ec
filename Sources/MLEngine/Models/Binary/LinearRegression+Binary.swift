extension LinearRegression: BinaryModelPart {
    /// The input count, the penalty (a byte: its index in `Penalty.allCases`), alpha, the
    /// coefficients (count and doubles), the intercept, the converged flag, the iterations,
    /// and the warning (a byte 0, or 1 and the text).
    func write(to writer: inout ModelBinaryWriter) {
        writer.count(inputCount)
        writer.byte(UInt8(Penalty.allCases.firstIndex(of: penalty) ?? 0))
        writer.double(alpha)
        writer.doubles(coefficients)
        writer.double(intercept)
        writer.bool(converged)
        writer.signed(iterations)
        writer.bool(warning != nil)
        if let warning { writer.string(warning) }
    }

    /// Reads the layout of ``write(to:)`` and checks one coefficient per input.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let inputCount = try reader.count()
        let penaltyIndex = Int(try reader.byte())
        guard penaltyIndex < Penalty.allCases.count else { throw ModelBinaryReader.damaged("unknown penalty") }
        let alpha = try reader.double()
        let coefficients = try reader.doubles()
        let intercept = try reader.double()
        let converged = try reader.bool()
        let iterations = try reader.signed()
        let warning = try reader.bool() ? try reader.string() : nil
        guard coefficients.count == inputCount else {
            throw ModelBinaryReader.damaged("the linear regression has \(coefficients.count) weights for \(inputCount) inputs")
        }
        self.init(
            inputCount: inputCount, penalty: Penalty.allCases[penaltyIndex], alpha: alpha, coefficients: coefficients,
            intercept: intercept, converged: converged, iterations: iterations, warning: warning)
    }
}
