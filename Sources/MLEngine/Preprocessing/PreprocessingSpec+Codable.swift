extension PreprocessingSpec: Codable {
    /// Decodes `{"numeric": …, "categorical": …, "columns": {name: …}}` (absent keys take
    /// defaults) and validates the result.
    /// - Throws: `DecodingError.dataCorrupted` with a plain-language description for unknown
    ///   keys, unknown names and invalid values (the ``validate()`` messages).
    public init(from decoder: any Decoder) throws {
        let container = try SpecCoding.container(decoder, allowed: ["numeric", "categorical", "columns"], in: "preprocessing")
        numeric = try container.decodeIfPresent(NumericPreprocessing.self, forKey: SpecKey("numeric")) ?? NumericPreprocessing()
        categorical = try container.decodeIfPresent(CategoricalPreprocessing.self, forKey: SpecKey("categorical"))
            ?? CategoricalPreprocessing()
        columns = try container.decodeIfPresent([String: ColumnPreprocessing].self, forKey: SpecKey("columns")) ?? [:]
        try SpecCoding.converting(decoder) { () throws(ModelError) in try validate() }
    }

    /// Encodes all three keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecKey.self)
        try container.encode(numeric, forKey: SpecKey("numeric"))
        try container.encode(categorical, forKey: SpecKey("categorical"))
        try container.encode(columns, forKey: SpecKey("columns"))
    }
}
