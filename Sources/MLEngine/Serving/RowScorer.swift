/// Scores rows of a registered model straight from parsed JSON: a compiled ``RowEncoder``
/// and the model, with outputs bit for bit those of ``TrainedModel/predictOutputs(_:)``.
///
/// ```swift
/// let scorer = RowScorer(model: model, manifest: manifest)
/// let scored = try scorer.score(objects: rows)
/// print(scored.label(ofRow: 0), scored.outputs)
/// ```
public struct RowScorer: Sendable {
    /// The model scored.
    public let model: TrainedModel
    /// The encoder checking and encoding rows.
    public let encoder: RowEncoder
    private let outputNames: [String]

    /// A scorer for `model`, checking rows against `profiles` (the manifest's `inputs`).
    public init(model: TrainedModel, profiles: [FeatureProfile]?, options: RowEncoderOptions = RowEncoderOptions()) {
        self.model = model
        encoder = RowEncoder(model: model, profiles: profiles, options: options)
        outputNames = model.encoder.outputNames
    }

    /// Outputs per row: 1 (binary: P(positive); regression: the value) or the class count.
    public var outputWidth: Int { model.task.outputWidth }

    /// Encodes and scores rows given as objects.
    /// - Throws: ``RowError`` for the first bad row.
    public func score(objects: [ServingObject]) throws(RowError) -> ScoredRows {
        var encoded = [Double](repeating: 0, count: objects.count * encoder.width)
        try encoded.withUnsafeMutableBufferPointer { buffer throws(RowError) in
            guard let base = buffer.baseAddress else { return }
            for (row, object) in objects.enumerated() { try encoder.encode(object, row: row, into: base + row * encoder.width) }
        }
        return scoreEncoded(encoded, rows: objects.count)
    }

    /// Encodes and scores a `columns` + `data` body.
    /// - Throws: ``RowError`` for a bad column list or the first bad row.
    public func score(columns: [String], data: [[ServingValue]]) throws(RowError) -> ScoredRows {
        let positions = try encoder.columnPositions(columns)
        var encoded = [Double](repeating: 0, count: data.count * encoder.width)
        try encoded.withUnsafeMutableBufferPointer { buffer throws(RowError) in
            guard let base = buffer.baseAddress else { return }
            for (row, values) in data.enumerated() {
                try encoder.encode(values, positions: positions, row: row, into: base + row * encoder.width)
            }
        }
        return scoreEncoded(encoded, rows: data.count)
    }

    /// Scores `rows` encoded rows (`rows * encoder.width` values).
    public func scoreEncoded(_ encoded: [Double], rows: Int) -> ScoredRows {
        let width = outputWidth
        guard rows > 0 else { return ScoredRows(outputs: [], rows: 0, width: width, task: model.task, classes: model.classes) }
        let outputs: [Double]
        if case .gradientBoosting(let boosting) = model.model {
            var values = [Double](repeating: 0, count: rows * width)
            encoded.withUnsafeBufferPointer { input in
                values.withUnsafeMutableBufferPointer { output in
                    guard let source = input.baseAddress, let target = output.baseAddress else { return }
                    for row in 0..<rows { boosting.predictRow(source + row * encoder.width, into: target + row * width) }
                }
            }
            outputs = values
        } else {
            let matrix = FeatureMatrix(rows: rows, columns: encoder.width, values: encoded, names: outputNames)
            // The encoder's width is the model's input count, so the model cannot refuse the matrix.
            outputs = (try? model.model.predict(matrix)) ?? [Double](repeating: .nan, count: rows * width)
        }
        return ScoredRows(outputs: outputs, rows: rows, width: width, task: model.task, classes: model.classes)
    }
}

extension RowScorer {
    /// Encodes and scores the rows of a request.
    /// - Throws: ``RowError`` for a bad column list or the first bad row.
    public func score(_ input: ScoringInput) throws(RowError) -> ScoredRows {
        switch input {
        case .objects(let objects): try score(objects: objects)
        case .table(let columns, let data): try score(columns: columns, data: data)
        }
    }
}
