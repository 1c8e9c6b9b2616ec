extension TrainedModel {
    enum CodingKeys: String, CodingKey {
        case kind, parameters, encoder, target, targetEncoding, positiveLabel, negativeLabel, model, warnings
    }

    /// Decodes a model, restoring parameter types that JSON cannot carry (`1.0` reads as `1`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(ModelKind.self, forKey: .kind)
        parameters = ModelParameters.canonicalized(
            kind: kind, params: try container.decode([String: ParameterValue].self, forKey: .parameters)
        )
        encoder = try container.decode(FeatureEncoder.self, forKey: .encoder)
        target = try container.decode(String.self, forKey: .target)
        if let encoding = try container.decodeIfPresent(TargetEncoding.self, forKey: .targetEncoding) {
            targetEncoding = encoding
        } else {
            // Bundles written before multi-class and regression: a binary model.
            let positive = try container.decode(String.self, forKey: .positiveLabel)
            let negative = try container.decodeIfPresent(String.self, forKey: .negativeLabel)
            targetEncoding = TargetEncoding(task: .binary, classes: [negative ?? "not \(positive)", positive], oneVersusRest: negative == nil)
        }
        model = try container.decode(FittedModel.self, forKey: .model)
        warnings = try container.decode([String].self, forKey: .warnings)
        guard model.kind == kind else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "the model does not match its kind"))
        }
        guard model.task == targetEncoding.task else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "the model's task does not match its target encoding"))
        }
        let expected = encoder.outputCount
        let actual = model.inputCount
        guard actual == expected else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "the model has \(actual) inputs but its encoder produces \(expected)"
            ))
        }
    }
}

extension TrainedModel {
    /// Encodes every stored property; the target encoding replaces the old label fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(self.encoder, forKey: .encoder)
        try container.encode(target, forKey: .target)
        try container.encode(targetEncoding, forKey: .targetEncoding)
        try container.encode(model, forKey: .model)
        try container.encode(warnings, forKey: .warnings)
    }
}
