extension FeatureEncoder {
    /// Encodes `frame` into a matrix with one row per frame row and ``outputCount`` columns.
    ///
    /// Columns are looked up by name, so the frame may hold other columns in any order.
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
            for (index, column) in columns.enumerated() {
                switch column {
                case .numeric(let numeric):
                    if let scaling = scalings[index] {
                        fill(&buffer, offset: offset, width: width, from: numeric.values, scaling: scaling)
                    }
                    offset += 1
                case .categorical(let categorical):
                    let categories = schema.features[index].categories ?? []
                    fill(&buffer, offset: offset, width: width, from: categorical, trainingCategories: categories)
                    offset += categories.count
                }
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

    private func fill(
        _ buffer: inout UnsafeMutableBufferPointer<Double>, offset: Int, width: Int,
        from values: [Double], scaling: NumericScaling
    ) {
        let filled = (scaling.mean - scaling.center) / scaling.scale
        var position = offset
        for value in values {
            buffer[position] = value.isNaN ? filled : (value - scaling.center) / scaling.scale
            position += width
        }
    }

    private func fill(
        _ buffer: inout UnsafeMutableBufferPointer<Double>, offset: Int, width: Int,
        from column: CategoricalColumn, trainingCategories: [String]
    ) {
        var trainingIndex: [String: Int] = [:]
        for (index, category) in trainingCategories.enumerated() {
            trainingIndex[category] = index
        }
        // Frame code → training column, or -1 when the category was not seen in training.
        let lookup = column.categories.map { trainingIndex[$0] ?? -1 }
        var rowStart = offset
        for code in column.codes {
            if code != CategoricalColumn.missingCode, Int(code) < lookup.count {
                let target = lookup[Int(code)]
                if target >= 0 { buffer[rowStart + target] = 1 }
            }
            rowStart += width
        }
    }
}
