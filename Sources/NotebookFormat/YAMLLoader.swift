import Foundation
import Yams

/// Parses YAML text into `SpecNode`s placed in the notebook.
enum YAMLLoader {
    /// Where the YAML text sits in the notebook: line `firstLine` is the YAML's line 1,
    /// and every YAML column is shifted by `columnOffset`.
    struct Placement {
        var firstLine: Int
        var columnOffset: Int

        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(line: firstLine, column: 1 + columnOffset) }
            return location(at: SourceLocation(line: mark.line, column: mark.column))
        }

        /// `place` (a line and column in the YAML text) in the notebook.
        func location(at place: SourceLocation?) -> SourceLocation {
            guard let place else { return SourceLocation(line: firstLine, column: 1 + columnOffset) }
            return SourceLocation(line: firstLine + place.line - 1, column: place.column + columnOffset)
        }
    }

    /// The parsed node, or `nil` (with a plain, located diagnostic) when the YAML is
    /// malformed or its aliases expand to more than ``YAMLAliasBudget/limit`` values.
    /// Empty text yields an empty mapping.
    static func load(_ text: String, placement: Placement, log: DiagnosticLog) -> SpecNode? {
        guard YAMLAliasBudget.textFits(text) else {
            log.report(YAMLAliasBudget.message, at: placement.location(nil))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return SpecNode(.map([]), at: placement.location(nil))
            }
            guard YAMLAliasBudget.fits(node) else {
                log.report(YAMLAliasBudget.message, at: placement.location(node.mark))
                return nil
            }
            return convert(node, placement: placement, log: log)
        } catch let error as YamlError {
            let problem = YAMLProblem(error, text: text)
            log.report(problem.message, at: placement.location(at: problem.place))
            return nil
        } catch {
            log.report("malformed YAML", at: placement.location(nil))
            return nil
        }
    }

    private static func convert(_ node: Node, placement: Placement, log: DiagnosticLog) -> SpecNode {
        let location = placement.location(node.mark)
        switch node {
        case .scalar(let scalar):
            return SpecNode(typed(scalar), at: location)
        case .sequence(let sequence):
            return SpecNode(.list(sequence.map { convert($0, placement: placement, log: log) }), at: location)
        case .mapping(let mapping):
            var entries: [SpecEntry] = []
            for (key, value) in mapping {
                let keyLocation = placement.location(key.mark)
                guard case .scalar(let keyScalar) = key else {
                    log.report("mapping keys must be plain names", at: keyLocation)
                    continue
                }
                entries.append(
                    SpecEntry(
                        key: keyScalar.string, keyLocation: keyLocation,
                        value: convert(value, placement: placement, log: log)))
            }
            return SpecNode(.map(entries), at: location)
        case .alias:
            log.report("YAML aliases are not supported in notebooks", at: location)
            return SpecNode(.null, at: location)
        }
    }

    private static func typed(_ scalar: Node.Scalar) -> SpecValue {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let integer = Int(text) { return .int(integer) }
        if looksNumeric(text), let number = Double(text), number.isFinite { return .double(number) }
        return .string(text)
    }

    private static func looksNumeric(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "+-.0123456789".unicodeScalars.contains(first)
            && text.unicodeScalars.allSatisfy { "+-.0123456789eE".unicodeScalars.contains($0) }
    }
}
