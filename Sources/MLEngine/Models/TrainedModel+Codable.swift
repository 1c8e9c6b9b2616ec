extension TrainedModel {
    enum CodingKeys: String, CodingKey {
        case kind, parameters, encoder, target, positiveLabel, negativeLabel, model, warnings
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
        positiveLabel = try container.decode(String.self, forKey: .positiveLabel)
        negativeLabel = try container.decodeIfPresent(String.self, forKey: .negativeLabel)
        model = try container.decode(FittedModel.self, forKey: .model)
        warnings = try container.decode([String].self, forKey: .warnings)
        guard model.kind == kind else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "the model does not match its kind"))
        }
        let expected = encoder.outputCount
        let actual = switch model {
        case .logisticRegression(let model): model.coefficients.count
        case .decisionTree(let model): model.inputCount
        }
        guard actual == expected else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "the model has \(actual) inputs but its encoder produces \(expected)"
            ))
        }
    }
}
