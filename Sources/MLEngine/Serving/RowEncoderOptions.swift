/// How strictly ``RowEncoder`` checks rows against the manifest's feature schema.
public struct RowEncoderOptions: Sendable, Equatable {
    /// What a category never seen in training does.
    public enum UnseenCategory: String, Sendable, Equatable, CaseIterable {
        /// Reject the row (`unseen_category`).
        case reject
        /// Encode it as a missing value (the fitted fill, else the model's missing encoding).
        case treatAsMissing = "missing"
    }

    /// What an unseen category does; the default rejects it.
    public var unseenCategory: UnseenCategory
    /// Fields that are not features but may be present and are skipped (e.g. the label column).
    public var ignoredFields: Set<String>

    public init(unseenCategory: UnseenCategory = .reject, ignoredFields: Set<String> = []) {
        self.unseenCategory = unseenCategory
        self.ignoredFields = ignoredFields
    }
}
