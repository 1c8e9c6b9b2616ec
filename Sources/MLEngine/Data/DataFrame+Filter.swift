extension DataFrame {
    /// The rows (ascending) whose number in `column` satisfies `predicate`.
    ///
    /// The predicate is called once per row with the stored value; a missing value is `nan`,
    /// which every comparison rejects, so `{ $0 >= 18 }` leaves missing rows out.
    /// Nothing is allocated per row.
    ///
    /// ```swift
    /// let adults = try frame.rowIndices(where: "age") { $0 >= 18 }
    /// ```
    /// - Throws: ``DataError`` when `column` does not exist or holds categories.
    public func rowIndices(where column: String, _ predicate: (Double) -> Bool) throws(DataError) -> [Int] {
        guard case .numeric(let numeric) = try filterColumn(column, numeric: true) else { return [] }
        var rows: [Int] = []
        for (row, value) in numeric.values.enumerated() where predicate(value) {
            rows.append(row)
        }
        return rows
    }

    /// The rows (ascending) whose category in `column` satisfies `predicate`.
    ///
    /// The predicate is called once per distinct category (and once with `nil` for a missing
    /// value), not once per row: the rows are then selected by their codes.
    ///
    /// ```swift
    /// let employed = try frame.rowIndices(where: "workclass", category: { $0 == "Private" })
    /// ```
    /// - Throws: ``DataError`` when `column` does not exist or holds numbers.
    public func rowIndices(
        where column: String, category predicate: (String?) -> Bool
    ) throws(DataError) -> [Int] {
        guard case .categorical(let categorical) = try filterColumn(column, numeric: false) else { return [] }
        var keep = categorical.categories.map { predicate($0) }
        keep.append(predicate(nil))
        let missingSlot = keep.count - 1
        var rows: [Int] = []
        for (row, code) in categorical.codes.enumerated() where keep[Int(code) < missingSlot ? Int(code) : missingSlot] {
            rows.append(row)
        }
        return rows
    }

    /// The rows whose number in `column` satisfies `predicate`: their indices in this frame
    /// (ascending) and a frame holding them. See ``rowIndices(where:_:)``.
    /// - Throws: ``DataError`` when `column` does not exist or holds categories.
    public func rows(
        where column: String, _ predicate: (Double) -> Bool
    ) throws(DataError) -> (indices: [Int], frame: DataFrame) {
        let indices = try rowIndices(where: column, predicate)
        return (indices, rows(at: indices))
    }

    /// The rows whose category in `column` satisfies `predicate`: their indices in this frame
    /// (ascending) and a frame holding them. See ``rowIndices(where:category:)``.
    /// - Throws: ``DataError`` when `column` does not exist or holds numbers.
    public func rows(
        where column: String, category predicate: (String?) -> Bool
    ) throws(DataError) -> (indices: [Int], frame: DataFrame) {
        let indices = try rowIndices(where: column, category: predicate)
        return (indices, rows(at: indices))
    }

    private func filterColumn(_ name: String, numeric: Bool) throws(DataError) -> Column {
        guard let column = column(named: name) else {
            throw DataError(file: "", message: "cannot filter on `\(name)`: there is no such column; columns are: "
                + FeatureEncoder.listing(columnNames))
        }
        if column.isNumeric != numeric {
            throw DataError(file: "", message: numeric
                ? "cannot compare `\(name)` with numbers: it holds categories; filter it by category"
                : "cannot filter `\(name)` by category: it holds numbers; compare it with numbers")
        }
        return column
    }
}
