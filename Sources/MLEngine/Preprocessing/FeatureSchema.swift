/// The features a model expects, in the order it was trained on them.
///
/// Written into the model manifest so that a server can validate requests
/// (names, types and the known categories) without loading the model itself.
public struct FeatureSchema: Codable, Sendable, Equatable {
    /// The kind of values a feature holds.
    public enum FeatureType: String, Codable, Sendable, Equatable {
        /// Numbers; missing values are `nan`.
        case numeric
        /// Text values from a fixed set of categories.
        case categorical
    }

    /// One input feature.
    public struct Feature: Codable, Sendable, Equatable {
        /// The column name.
        public var name: String
        /// Whether the column holds numbers or categories.
        public var type: FeatureType
        /// The categories seen in training, sorted; `nil` for numeric features.
        /// Any other value at prediction time is unknown to the model: it encodes as all
        /// zeros (one-hot) or -1 (ordinal), as does a missing value that preprocessing does not fill.
        public var categories: [String]?

        /// Creates a feature description.
        public init(name: String, type: FeatureType, categories: [String]? = nil) {
            self.name = name
            self.type = type
            self.categories = categories
        }
    }

    /// The features in model order.
    public var features: [Feature]

    /// Creates a schema from its features.
    public init(features: [Feature]) {
        self.features = features
    }

    /// The feature names in model order.
    public var names: [String] { features.map(\.name) }
}
