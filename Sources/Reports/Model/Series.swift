/// One named line of a line chart.
public struct Series: Sendable, Equatable, Codable {
    /// The series' name, shown in the legend, e.g. a model name.
    public var name: String
    /// The points, drawn in order.
    public var points: [Point]
    /// Whether this is a reference line (e.g. the chance diagonal of a ROC
    /// chart), drawn dashed and muted, behind the other series.
    public var isReference: Bool

    /// Creates a series.
    public init(name: String, points: [Point], isReference: Bool = false) {
        self.name = name
        self.points = points
        self.isReference = isReference
    }

    /// The diagonal from (0, 0) to (1, 1): the chance line of a ROC chart.
    public static func diagonal(name: String = "chance") -> Series {
        Series(name: name, points: [Point(x: 0, y: 0), Point(x: 1, y: 1)], isReference: true)
    }
}
