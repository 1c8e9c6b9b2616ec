/// `--sweep name=v1,v2,v3` (repeatable): the cross product of parameter values to run.
///
/// Runs come in a fixed order: the first axis varies slowest, values in the order given.
///
/// ```swift
/// let sweep = try Sweep(arguments: ["depth=3,5", "min_leaf=1,20"])
/// sweep.assignments  // depth=3,min_leaf=1; depth=3,min_leaf=20; depth=5,min_leaf=1; …
/// ```
public struct Sweep: Sendable, Equatable {
    /// One swept parameter and its values, as typed (checked later like `-p`).
    public struct Axis: Sendable, Equatable {
        public var name: String
        public var values: [String]

        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    /// A malformed `--sweep` argument.
    public struct ArgumentError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public var axes: [Axis]

    public init(axes: [Axis]) {
        self.axes = axes
    }

    /// Parses `name=v1,v2` arguments; a name given twice or an empty value list is an error.
    public init(arguments: [String]) throws(ArgumentError) {
        var axes: [Axis] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ArgumentError(description: "--sweep takes name=v1,v2,…; got `\(argument)`")
            }
            let name = String(argument[..<equals])
            let values = argument[argument.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0) }
            guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
                throw ArgumentError(description: "--sweep \(argument): every value must be non-empty")
            }
            guard !axes.contains(where: { $0.name == name }) else {
                throw ArgumentError(description: "--sweep \(name) is given twice; list all its values in one --sweep")
            }
            axes.append(Axis(name: name, values: values))
        }
        self.axes = axes
    }

    /// Every parameter set, in run order (first axis slowest).
    public var assignments: [[(name: String, value: String)]] {
        axes.reduce([[]]) { partial, axis in
            partial.flatMap { prefix in axis.values.map { prefix + [(axis.name, $0)] } }
        }
    }

    /// The reports' base name for one run: `income--depth=3,min_leaf=20`, with every character
    /// outside letters, digits and `._=,+-` replaced by `_` so it is a safe file name.
    public static func reportName(notebook: String, assignment: [(name: String, value: String)]) -> String {
        let label = assignment.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
        return notebook + "--" + String(label.map { isSafe($0) ? $0 : "_" })
    }

    private static func isSafe(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || "._=,+-".contains(character)
    }
}
