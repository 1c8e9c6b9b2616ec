extension FeatureEncoder {
    enum CodingKeys: String, CodingKey {
        case schema, standardize, scalings
    }

    /// Decodes an encoder and checks that every feature has its statistics.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(FeatureSchema.self, forKey: .schema)
        standardize = try container.decode(Bool.self, forKey: .standardize)
        scalings = try container.decode([NumericScaling?].self, forKey: .scalings)
        let consistent = scalings.count == schema.features.count
            && zip(schema.features, scalings).allSatisfy { feature, scaling in
                switch feature.type {
                case .numeric: scaling.map { $0.scale != 0 && $0.scale.isFinite } ?? false
                case .categorical: feature.categories != nil
                }
            }
        guard consistent else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "the encoder's statistics do not match its features"
            ))
        }
    }
}
