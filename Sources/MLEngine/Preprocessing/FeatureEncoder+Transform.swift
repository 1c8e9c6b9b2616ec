extension FeatureEncoder {
    /// Encodes `frame` into a matrix with one row per frame row and ``outputCount`` columns.
    ///
    /// Columns are looked up by name, so the frame may hold other columns in any order.
    /// The matrix is filled column by column, without allocating per row.
    /// - Throws: ``ModelError`` when a feature column is absent, has a different type than
    ///   in training, or a numeric feature holds infinite values.
    public func transform(_ frame: DataFrame) throws(ModelError) -> FeatureMatrix {
        let columns = try schema.features.map { feature throws(ModelError) -> Column in
            try column(for: feature, in: frame)
        }
        let rows = frame.rowCount
        let width = outputCount
        var values = [Double](repeating: 0, count: rows * width)
        values.withUnsafeMutableBufferPointer { buffer in
            var offset = 0
            for (column, transform) in zip(columns, transforms) {
                switch (column, transform) {
                case (.numeric(let numeric), .numeric(let steps)):
                    steps.apply(numeric.values, into: &buffer, offset: offset, stride: width)
                case (.categorical(let categorical), .categorical(let steps)):
                    steps.apply(categorical, into: &buffer, offset: offset, stride: width)
                case (.numeric, .categorical), (.categorical, .numeric):
                    break  // Ruled out by `column(for:in:)` and by decoding.
                }
                offset += transform.outputCount
            }
        }
        return FeatureMatrix(rows: rows, columns: width, values: values, names: outputNames)
    }

    private func column(for feature: FeatureSchema.Feature, in frame: DataFrame) throws(ModelError) -> Column {
        guard let column = frame.column(named: feature.name) else {
            throw ModelError("the data has no column `\(feature.name)`, which the model uses as a feature")
        }
        switch (feature.type, column) {
        case (.numeric, .numeric(let numeric)):
            if numeric.values.contains(where: \.isInfinite) {
                throw ModelError("numeric feature `\(feature.name)` contains infinite values")
            }
        case (.categorical, .categorical):
            break
        case (.numeric, .categorical):
            throw ModelError("feature `\(feature.name)` was numeric in training but holds text here")
        case (.categorical, .numeric):
            throw ModelError("feature `\(feature.name)` was categorical in training but holds numbers here")
        }
        return column
    }
}
