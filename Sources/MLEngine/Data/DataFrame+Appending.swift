extension DataFrame {
    /// The rows of `self` followed by the rows of `other`.
    ///
    /// Both frames must have the same column names in the same order, with the same
    /// types. Categorical columns are re-coded to a merged dictionary: `self`'s
    /// categories first, then `other`'s new ones in their order. A frame without
    /// columns is the identity.
    /// - Throws: ``DataError`` (with an empty `file`) naming the mismatch.
    public func appending(_ other: DataFrame) throws(DataError) -> DataFrame {
        if columns.isEmpty { return other }
        if other.columns.isEmpty { return self }
        guard columnNames == other.columnNames else {
            throw DataError(
                file: "",
                message: "cannot append rows: the frames have different columns "
                    + "(\(columnNames.joined(separator: ", ")) vs \(other.columnNames.joined(separator: ", ")))")
        }
        var merged = [Column]()
        merged.reserveCapacity(columns.count)
        for (left, right) in zip(columns, other.columns) {
            switch (left, right) {
            case (.numeric(let top), .numeric(let bottom)):
                merged.append(.numeric(NumericColumn(name: top.name, values: top.values + bottom.values)))
            case (.categorical(let top), .categorical(let bottom)):
                merged.append(.categorical(Self.appendCategorical(top, bottom)))
            default:
                throw DataError(
                    file: "",
                    message: "cannot append rows: column `\(left.name)` is \(left.type.rawValue) in the first frame "
                        + "but \(right.type.rawValue) in the second")
            }
        }
        return DataFrame(columns: merged)
    }

    private static func appendCategorical(_ top: CategoricalColumn, _ bottom: CategoricalColumn) -> CategoricalColumn {
        if top.categories == bottom.categories {
            return CategoricalColumn(name: top.name, codes: top.codes + bottom.codes, categories: top.categories)
        }
        var categories = top.categories
        var index = [String: UInt32](minimumCapacity: top.categories.count + bottom.categories.count)
        for (code, category) in categories.enumerated() where index[category] == nil {
            index[category] = UInt32(code)
        }
        let mapping = bottom.categories.map { category -> UInt32 in
            if let code = index[category] { return code }
            let code = UInt32(categories.count)
            categories.append(category)
            index[category] = code
            return code
        }
        var codes = top.codes
        codes.reserveCapacity(top.codes.count + bottom.codes.count)
        for code in bottom.codes {
            codes.append(code == CategoricalColumn.missingCode ? code : mapping[Int(code)])
        }
        return CategoricalColumn(name: top.name, codes: codes, categories: categories)
    }
}
