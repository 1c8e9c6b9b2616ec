/// The rows of a scoring request, in either of the shapes a body can give them.
///
/// Accepted bodies (Labbook's own and MLflow's scoring protocol):
/// - `{"rows": [{feature: value, …}, …]}` and MLflow's `{"dataframe_records": [...]}`
/// - `{"columns": [...], "data": [[...], …]}` and MLflow's `{"dataframe_split": {"columns": [...], "data": [...]}}`
/// - MLflow's `{"instances": [...]}` (or `"inputs"`): objects, or arrays in model feature order.
public enum ScoringInput: Sendable, Equatable {
    /// One object per row.
    case objects([ServingObject])
    /// Column names and one array of values per row.
    case table(columns: [String], data: [[ServingValue]])

    /// The keys a body may use.
    public static let acceptedKeys = ["rows", "columns", "data", "dataframe_records", "dataframe_split", "instances", "inputs"]

    /// The number of rows.
    public var rowCount: Int {
        switch self {
        case .objects(let objects): objects.count
        case .table(_, let data): data.count
        }
    }

    /// Reads the rows from a parsed body; `featureNames` orders the arrays of `instances`.
    /// - Throws: ``RowError`` (`bad_shape`) naming what is wrong and, for a bad row, which.
    public init(body: ServingValue, featureNames: [String]) throws(RowError) {
        guard let object = body.object else {
            throw RowError(.badShape, "the body must be a JSON object with one of: \(Self.acceptedKeys.joined(separator: ", "))")
        }
        if let rows = object["rows"] ?? object["dataframe_records"] {
            self = .objects(try Self.objects(rows))
        } else if let split = object["dataframe_split"] {
            guard let splitObject = split.object else { throw RowError(.badShape, field: "dataframe_split", "expected an object with columns and data") }
            self = try Self.table(splitObject)
        } else if object["columns"] != nil || object["data"] != nil {
            self = try Self.table(object)
        } else if let instances = object["instances"] ?? object["inputs"] {
            guard let elements = instances.array else { throw RowError(.badShape, field: "instances", "expected an array of rows") }
            if elements.first?.object != nil {
                self = .objects(try Self.objects(instances))
            } else {
                self = .table(columns: featureNames, data: try Self.arrays(elements))
            }
        } else {
            throw RowError(.badShape, "the body has none of the keys \(Self.acceptedKeys.joined(separator: ", "))")
        }
    }

    private static func objects(_ value: ServingValue) throws(RowError) -> [ServingObject] {
        guard let elements = value.array else { throw RowError(.badShape, field: "rows", "expected an array of objects") }
        var objects: [ServingObject] = []
        objects.reserveCapacity(elements.count)
        for (row, element) in elements.enumerated() {
            guard let object = element.object else {
                throw RowError(.badShape, row: row, "expected an object {feature: value}, got \(element.kindDescription)")
            }
            objects.append(object)
        }
        return objects
    }

    private static func table(_ object: ServingObject) throws(RowError) -> ScoringInput {
        guard let columnValues = object["columns"]?.array else { throw RowError(.badShape, field: "columns", "expected an array of column names") }
        var columns: [String] = []
        for (index, value) in columnValues.enumerated() {
            guard let name = value.string else {
                throw RowError(.badShape, field: "columns", "column \(index) is \(value.kindDescription), not a name")
            }
            columns.append(name)
        }
        guard let data = object["data"]?.array else { throw RowError(.badShape, field: "data", "expected an array of rows (arrays of values)") }
        return .table(columns: columns, data: try arrays(data))
    }

    private static func arrays(_ elements: [ServingValue]) throws(RowError) -> [[ServingValue]] {
        var rows: [[ServingValue]] = []
        rows.reserveCapacity(elements.count)
        for (row, element) in elements.enumerated() {
            guard let values = element.array else {
                throw RowError(.badShape, row: row, "expected an array of values, got \(element.kindDescription)")
            }
            rows.append(values)
        }
        return rows
    }
}
