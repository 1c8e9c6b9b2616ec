/// What the training data showed of one input feature: what a server checks a request against
/// and what a person reads in the manifest.
public struct FeatureProfile: Codable, Sendable, Equatable {
    /// The column name.
    public var name: String
    public var type: FeatureSchema.FeatureType
    /// Categories seen in the training data, sorted; `nil` for numeric features.
    public var categories: [String]?
    /// The smallest and largest value seen in training (numeric features with a value only).
    public var minimum: Double?
    public var maximum: Double?
    /// Whether training data had missing values in this column (a request may then omit it or send `null`).
    public var missingAllowed: Bool

    public init(
        name: String, type: FeatureSchema.FeatureType, categories: [String]? = nil, minimum: Double? = nil,
        maximum: Double? = nil, missingAllowed: Bool
    ) {
        self.name = name
        self.type = type
        self.categories = categories
        self.minimum = minimum
        self.maximum = maximum
        self.missingAllowed = missingAllowed
    }

    /// The profile of every feature of `schema`, in schema order, read from the training `frame`.
    /// A feature the frame lacks is profiled from the schema alone (missing allowed).
    public static func profiles(of frame: DataFrame, schema: FeatureSchema) -> [FeatureProfile] {
        schema.features.map { feature in
            switch frame.column(named: feature.name) {
            case .numeric(let column)?:
                var low = Double.infinity
                var high = -Double.infinity
                var missing = false
                for value in column.values {
                    if value.isNaN { missing = true } else {
                        low = Swift.min(low, value)
                        high = Swift.max(high, value)
                    }
                }
                return FeatureProfile(
                    name: feature.name, type: .numeric, minimum: low <= high ? low : nil, maximum: low <= high ? high : nil,
                    missingAllowed: missing)
            case .categorical(let column)?:
                var seen = [Bool](repeating: false, count: column.categories.count)
                var missing = false
                for code in column.codes {
                    if code == CategoricalColumn.missingCode { missing = true } else { seen[Int(code)] = true }
                }
                let categories = zip(column.categories, seen).filter(\.1).map(\.0).sorted()
                return FeatureProfile(name: feature.name, type: .categorical, categories: categories, missingAllowed: missing)
            case nil:
                return FeatureProfile(
                    name: feature.name, type: feature.type, categories: feature.categories, missingAllowed: true)
            }
        }
    }
}

/// Where and with what a model was built: recorded in its manifest.
public struct BuildInfo: Codable, Sendable, Equatable {
    /// ``EngineInfo/version``.
    public var engineVersion: String
    /// The Swift compiler's version, e.g. `6.3`.
    public var swiftVersion: String
    /// `linux`, `macos`, …
    public var os: String
    /// `x86_64`, `arm64`, …
    public var arch: String

    /// This build.
    public static let current = BuildInfo(
        engineVersion: EngineInfo.version, swiftVersion: EngineInfo.swiftVersion, os: EngineInfo.os, arch: EngineInfo.arch)
}
