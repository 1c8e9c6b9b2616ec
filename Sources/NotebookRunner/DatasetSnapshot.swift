import MLEngine
import Reports

/// What a run saw of a data file, so a later run can say what changed:
/// "data changed since run 3: 312 rows added, column `age` mean 38.6 → 41.2".
///
/// Meant to be taken by `load` for every file it reads and kept in the run store; that store
/// (the execution-semantics work) does not exist yet, so for now nothing is persisted and
/// `changes(since:)` is exercised by tests only.
struct DatasetSnapshot: Sendable, Equatable, Codable {
    var path: String
    var fingerprint: String
    var schema: String
    var rows: Int
    /// Numeric columns' means (missing values skipped), in column order.
    var means: [ColumnMean]

    struct ColumnMean: Sendable, Equatable, Codable {
        var column: String
        var mean: Double
    }

    init(path: String, fingerprint: DatasetFingerprint, frame: DataFrame) {
        self.path = path
        self.fingerprint = fingerprint.content
        self.schema = fingerprint.schema
        rows = frame.rowCount
        means = frame.columns.compactMap { column in
            guard case .numeric(let numeric) = column else { return nil }
            let present = numeric.values.filter { !$0.isNaN }
            guard !present.isEmpty else { return nil }
            return ColumnMean(column: numeric.name, mean: present.reduce(0, +) / Double(present.count))
        }
    }

    /// A plain-language account of how `self` differs from `previous`, or `nil` when the
    /// content is the same. Means are compared at 3 significant digits.
    func changes(since previous: DatasetSnapshot, run: Int) -> String? {
        guard previous.fingerprint != fingerprint else { return nil }
        var parts: [String] = []
        let delta = rows - previous.rows
        let noun = abs(delta) == 1 ? "row" : "rows"
        if delta > 0 { parts.append("\(NumberFormat.integer(delta)) \(noun) added") }
        if delta < 0 { parts.append("\(NumberFormat.integer(-delta)) \(noun) removed") }
        if previous.schema != schema { parts.append("columns or types changed") }
        for mean in means {
            guard let old = previous.means.first(where: { $0.column == mean.column })?.mean else { continue }
            let (before, after) = (NumberFormat.compact(old), NumberFormat.compact(mean.mean))
            if before != after { parts.append("column \(InlineCode.span(mean.column)) mean \(before) → \(after)") }
        }
        if parts.isEmpty { parts.append("same shape and means, different content") }
        return "data changed since run \(run): " + parts.joined(separator: ", ")
    }
}
