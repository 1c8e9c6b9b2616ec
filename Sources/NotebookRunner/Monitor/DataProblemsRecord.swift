import MLEngine

/// What was wrong in current data without stopping the comparison: per feature, values that
/// were not of its type (read as missing), and prediction-log lines that were not rows.
/// `run.json` (and `labbook monitor`'s `.json`) list them under `bad_values` and
/// `skipped_lines`, only when there are any.
struct DataProblemsRecord: Codable, Sendable, Equatable {
    var badValues: [BadValueCount]
    var skippedLines: Int
    /// `file:line: reason` of the first skipped line.
    var firstSkipped: String?

    /// The problems of `data`, or `nil` when it had none.
    init?(_ data: CurrentData) {
        guard !data.badValues.isEmpty || data.skippedLines > 0 else { return nil }
        badValues = data.badValues
        skippedLines = data.skippedLines
        firstSkipped = data.firstSkipped?.description
    }

    /// The members to add to a drift verdict's JSON object.
    var jsonMembers: [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        if !badValues.isEmpty {
            members["bad_values"] = .array(badValues.map { bad in
                .object([
                    "feature": .string(bad.column), "count": .integer(Int64(bad.count)), "first": .string(bad.location),
                ])
            })
        }
        if skippedLines > 0 {
            members["skipped_lines"] = .integer(Int64(skippedLines))
            if let firstSkipped { members["first_skipped"] = .string(firstSkipped) }
        }
        return members
    }
}
