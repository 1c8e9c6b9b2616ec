/// The steps applied to a categorical feature: imputation, then encoding.
///
/// ```swift
/// CategoricalPreprocessing(imputation: .constant("unknown"), encoding: .oneHot, maxCategories: 10)
/// ```
public struct CategoricalPreprocessing: Sendable, Equatable, Hashable {
    /// How missing categories are filled; `nil` (the default) leaves them missing.
    public var imputation: CategoricalImputation?
    /// How categories become numbers as given, or when not given (`nil`) chosen by model kind
    /// (``PreprocessingSpec/resolved(for:)``): ordinal for models with native categories
    /// (gradient boosting, naive Bayes), one-hot otherwise.
    public var encodingChoice: CategoricalEncoding?
    /// How categories become numbers; one-hot unless chosen otherwise.
    public var encoding: CategoricalEncoding {
        get { encodingChoice ?? .oneHot }
        set { encodingChoice = newValue }
    }
    /// For one-hot encoding, the most output columns per feature, counting an "other" column
    /// that gathers the least frequent training categories (ties: the first in sorted order
    /// goes to "other", as in scikit-learn). `nil` (the default) keeps every category.
    /// Only applies when the feature has more categories than this.
    public var maxCategories: Int?

    /// Creates categorical steps; the defaults are the engine's historical behaviour.
    public init(imputation: CategoricalImputation? = nil, encoding: CategoricalEncoding? = nil, maxCategories: Int? = nil) {
        self.imputation = imputation
        self.encodingChoice = encoding
        self.maxCategories = maxCategories
    }

    /// Checks the values; `scope` names where they come from in messages.
    func validate(scope: String) throws(ModelError) {
        guard let maxCategories else { return }
        if let encodingChoice, encodingChoice != .oneHot {
            throw ModelError("\(scope): `max_categories` applies only to one_hot encoding, not \(encoding.name)")
        }
        if maxCategories < 1 {
            throw ModelError("\(scope): `max_categories` must be at least 1; got \(maxCategories)")
        }
    }
}

extension CategoricalPreprocessing: Codable {
    /// Decodes `{"imputation": …, "encoding": …, "max_categories": …}`; absent keys take defaults.
    public init(from decoder: any Decoder) throws {
        let container = try SpecCoding.container(
            decoder, allowed: ["imputation", "encoding", "max_categories"], in: "categorical preprocessing")
        imputation = try container.decodeIfPresent(CategoricalImputation.self, forKey: SpecKey("imputation"))
        encodingChoice = try container.decodeIfPresent(CategoricalEncoding.self, forKey: SpecKey("encoding"))
        maxCategories = try container.decodeIfPresent(Int.self, forKey: SpecKey("max_categories"))
    }

    /// Encodes every key that is set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecKey.self)
        try container.encodeIfPresent(imputation, forKey: SpecKey("imputation"))
        try container.encodeIfPresent(encodingChoice, forKey: SpecKey("encoding"))
        try container.encodeIfPresent(maxCategories, forKey: SpecKey("max_categories"))
    }
}
