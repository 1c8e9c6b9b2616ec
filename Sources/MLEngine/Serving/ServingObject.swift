/// A JSON object with its members in document order.
///
/// Lookup is linear, which beats hashing for the dozen keys of a feature row.
public struct ServingObject: Sendable, Equatable {
    /// The member names, in document order.
    public var keys: [String]
    /// The member values, parallel to ``keys``.
    public var values: [ServingValue]

    /// Creates an object from parallel keys and values.
    public init(keys: [String] = [], values: [ServingValue] = []) {
        self.keys = keys
        self.values = values
    }

    /// The value of the first member named `key`.
    public subscript(key: String) -> ServingValue? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    /// The number of members.
    public var count: Int { keys.count }
}
