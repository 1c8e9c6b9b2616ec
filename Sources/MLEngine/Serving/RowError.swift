/// Why a row cannot be scored: the reason, the field and the row (zero-based) at fault.
///
/// Its ``description`` is what a client reads: `row 2, field "age": expected a number, got a string`.
public struct RowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of bad input, named as in metrics and JSON errors.
    public enum Reason: String, Sendable, CaseIterable {
        /// A field the model does not take.
        case unknownField = "unknown_field"
        /// A feature absent from the row when the model needs it.
        case missingField = "missing_field"
        /// A value of the wrong JSON type (text for a number, a number for a category, …).
        case wrongType = "wrong_type"
        /// `null` or `NaN` for a feature that never had missing values in training.
        case missingValue = "missing_value"
        /// A category the training data never showed.
        case unseenCategory = "unseen_category"
        /// A body or row of the wrong shape (not an object, wrong column count, …).
        case badShape = "bad_shape"
    }

    /// What is wrong.
    public var reason: Reason
    /// The field at fault, when there is one.
    public var field: String?
    /// The zero-based row index.
    public var row: Int?
    /// What is wrong, in words, without the row and field.
    public var message: String

    public init(_ reason: Reason, field: String? = nil, row: Int? = nil, _ message: String) {
        self.reason = reason
        self.field = field
        self.row = row
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let row { parts.append("row \(row)") }
        if let field { parts.append("field \"\(field)\"") }
        return parts.isEmpty ? message : parts.joined(separator: ", ") + ": " + message
    }
}
