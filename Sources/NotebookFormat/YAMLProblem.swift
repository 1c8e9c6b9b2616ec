import Yams

/// A Yams (libyaml) error turned into a plain sentence and a place in the YAML text.
///
/// libyaml's own wording ("found character that cannot start any token", "while scanning
/// a simple key") never reaches the user: known problems get a plain message, anything
/// else is just "malformed YAML".
struct YAMLProblem {
    var message: String
    /// Where in the YAML text (1-based line and column); `nil` when unknown.
    var place: SourceLocation?

    /// The plain problem for `error`, raised while parsing `text`.
    init(_ error: YamlError, text: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let tab = Self.tabIndent(in: text, near: mark) {
                self.init(message: "a tab cannot indent YAML; use spaces", place: tab)
            } else {
                self.init(message: Self.plain(problem, context: context?.text), place: SourceLocation(line: mark.line, column: mark.column))
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
            self.init(message: "duplicate key \(keys)", place: SourceLocation(line: context.mark.line, column: context.mark.column))
        case .reader:
            self.init(message: "malformed YAML: the text cannot be decoded", place: nil)
        default:
            self.init(message: "malformed YAML", place: nil)
        }
    }

    init(message: String, place: SourceLocation?) {
        self.message = message
        self.place = place
    }

    /// The plain wording of a libyaml problem (`context` is what it was scanning).
    private static func plain(_ problem: String, context: String?) -> String {
        let context = context ?? ""
        let reason: String
        if problem.contains("mapping values are not allowed") {
            reason = "unexpected `:`; put a value that contains `: ` in quotes"
        } else if problem.contains("block sequence entries are not allowed") {
            reason = "a `- ` list item cannot start here"
        } else if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            reason = "this line is not indented like the lines above it"
        } else if problem.contains("expected ',' or ']'") {
            reason = "a `[` list is not closed with `]`"
        } else if problem.contains("expected ',' or '}'") {
            reason = "a `{` mapping is not closed with `}`"
        } else if context.contains("quoted scalar") || problem.contains("end of stream") {
            reason = "a quoted string is not closed"
        } else if problem.contains("unknown escape") {
            reason = "unknown escape sequence in a double-quoted string"
        } else if problem.contains("undefined alias") {
            reason = "an alias (`*name`) refers to no anchor (`&name`)"
        } else if problem.contains("cannot start any token") {
            reason = "this character cannot start a value; put the value in quotes"
        } else if problem.contains("expected node content") {
            reason = "a value is missing here"
        } else if context.contains("anchor") || context.contains("alias") {
            reason = "an anchor or alias name is malformed"
        } else {
            reason = "the text is not valid YAML here"
        }
        return "malformed YAML: " + reason
    }

    /// The place of a tab in the indentation of the line at `mark` (or of the line above,
    /// where libyaml often notices it), or `nil` when no tab indents there.
    private static func tabIndent(in text: String, near mark: Mark) -> SourceLocation? {
        let lines = text.sourceLines
        for line in [mark.line, mark.line - 1] where line >= 1 && line <= lines.count {
            let indent = lines[line - 1].prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t") {
                return SourceLocation(line: line, column: indent.distance(from: indent.startIndex, to: tab) + 1)
            }
        }
        return nil
    }
}
