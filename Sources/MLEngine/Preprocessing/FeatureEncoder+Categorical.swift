extension FeatureEncoder {
    /// The output columns that hold ordinal category codes, each with its number of
    /// categories: what models with native categorical handling (gradient boosting, naive
    /// Bayes) take as `categoricalColumns`. Codes are `0..<count`, -1 for a missing or unknown category.
    public var ordinalCategoricalColumns: [Int: Int] {
        var result: [Int: Int] = [:]
        var offset = 0
        for transform in transforms {
            if case .categorical(let steps) = transform, steps.encoding == .ordinal {
                result[offset] = steps.categories.count
            }
            offset += transform.outputCount
        }
        return result
    }
}
