extension DataFrame {
    /// A frame holding the rows at `indices`, in that order (repeats allowed).
    ///
    /// Each column is gathered into one new array; categorical columns keep their
    /// full category list (categories are not re-numbered).
    /// - Precondition: every index is in `0..<rowCount` (indices normally come from
    ///   ``Split`` or from filtering this frame).
    public func rows(at indices: [Int]) -> DataFrame {
        DataFrame(columns: columns.map { $0.gathering(indices) })
    }

    /// The named columns, in the order given, or `nil` if any name is not a column.
    public func selecting(columns names: [String]) -> DataFrame? {
        var selected = [Column]()
        selected.reserveCapacity(names.count)
        for name in names {
            guard let column = column(named: name) else { return nil }
            selected.append(column)
        }
        return DataFrame(columns: selected)
    }

    /// The frame without the named columns (names that are not columns are ignored).
    public func dropping(columns names: [String]) -> DataFrame {
        let dropped = Set(names)
        return DataFrame(columns: columns.filter { !dropped.contains($0.name) })
    }

    /// A copy with `column` added at the end, or replacing the column of the same name.
    /// - Precondition: `column.count == rowCount` unless the frame has no columns.
    public func replacing(_ column: Column) -> DataFrame {
        var all = columns
        if let index = all.firstIndex(where: { $0.name == column.name }) {
            all[index] = column
        } else {
            all.append(column)
        }
        return DataFrame(columns: all)
    }
}

extension Column {
    /// The values at `indices`, in that order. Categories are kept as they are.
    /// - Precondition: every index is in `0..<count`.
    public func gathering(_ indices: [Int]) -> Column {
        switch self {
        case .numeric(let column):
            let values = column.values.withUnsafeBufferPointer { source in
                [Double](unsafeUninitializedCapacity: indices.count) { target, initialized in
                    for (position, index) in indices.enumerated() { target[position] = source[index] }
                    initialized = indices.count
                }
            }
            return .numeric(NumericColumn(name: column.name, values: values))
        case .categorical(let column):
            let codes = column.codes.withUnsafeBufferPointer { source in
                [UInt32](unsafeUninitializedCapacity: indices.count) { target, initialized in
                    for (position, index) in indices.enumerated() { target[position] = source[index] }
                    initialized = indices.count
                }
            }
            return .categorical(CategoricalColumn(name: column.name, codes: codes, categories: column.categories))
        }
    }
}
