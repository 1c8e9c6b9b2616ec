/// How a categorical feature becomes numbers. Written as ``name``: `one_hot` or `ordinal`.
public enum CategoricalEncoding: String, CaseIterable, Sendable, Equatable, Hashable {
    /// One 0/1 column per training category (sorted), as `OneHotEncoder(handle_unknown="ignore")`:
    /// an unknown or missing category gives all zeros (the default).
    case oneHot = "one_hot"
    /// One column holding the category's position among the sorted training categories, as
    /// `OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)`: an unknown or
    /// missing category gives -1.
    case ordinal

    /// The name used in notebooks and JSON.
    public var name: String { rawValue }

    /// The encoding called `name`.
    /// - Throws: ``ModelError`` for an unknown name.
    public init(named name: String) throws(ModelError) {
        guard let encoding = CategoricalEncoding(rawValue: name) else {
            throw ModelError("unknown categorical encoding `\(name)`; use one_hot or ordinal")
        }
        self = encoding
    }
}

extension CategoricalEncoding: Codable {
    /// Decodes a name, with a plain-language error for an unknown one.
    public init(from decoder: any Decoder) throws {
        self = try SpecCoding.named(decoder) { name throws(ModelError) in try CategoricalEncoding(named: name) }
    }
}
