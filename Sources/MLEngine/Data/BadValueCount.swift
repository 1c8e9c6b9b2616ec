/// Values of one column that could not be read as its type and were taken as missing:
/// how many, and where the first one is.
///
/// ```swift
/// // data/current.csv:14: 3 values in `age` are not numbers
/// BadValueCount(file: "data/current.csv", column: "age", count: 3, firstLine: 14)
/// ```
public struct BadValueCount: Sendable, Equatable, Codable {
    /// The file as shown to the user (the display name given to the reader).
    public var file: String
    /// The column (feature) name.
    public var column: String
    /// How many values were taken as missing.
    public var count: Int
    /// The 1-based physical line of the first one (the header is line 1).
    public var firstLine: Int

    /// Creates a count.
    public init(file: String, column: String, count: Int, firstLine: Int) {
        self.file = file
        self.column = column
        self.count = count
        self.firstLine = firstLine
    }

    /// `file.csv:LINE`, where the first bad value is.
    public var location: String { "\(file):\(firstLine)" }
}
