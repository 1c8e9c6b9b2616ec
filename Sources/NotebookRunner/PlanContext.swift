import Foundation
import FileKinds
import MLEngine
import NotebookFormat

/// What the notebook has defined so far, while its directives are decoded in order.
///
/// Resolves references (`data: census`, `models: [tree]`) against earlier definitions and
/// reports unknown names with a "did you mean" hint.
final class PlanContext: @unchecked Sendable {
    /// What a name stands for.
    enum Entity: Equatable {
        case dataset(hasSplit: Bool)
        case model
        case deployment

        var noun: String {
            switch self {
            case .dataset: "dataset"
            case .model: "model"
            case .deployment: "deployment"
            }
        }
    }

    /// The notebook's folder; data paths are relative to it.
    let baseDirectory: String
    private(set) var names: [String: Entity] = [:]
    private var order: [String] = []
    /// Each dataset's columns, from its file's header row, and the file as the notebook names it.
    private var columns: [String: (file: String, names: [String])] = [:]
    private var targets: [String: String?] = [:]

    /// The folders data may be read from.
    let readScope: ReadScope
    /// The front matter's `metric`, the default a search optimises.
    var notebookMetric: String?

    init(baseDirectory: String, allowedReads: [String] = []) {
        self.baseDirectory = baseDirectory
        readScope = ReadScope(notebookFolder: baseDirectory, allowed: allowedReads)
    }

    /// The header row of the data file `path` (as written under `key`), or `nil` after a
    /// located error: outside the read scope, missing, not a regular file, or unreadable.
    func header(ofDataFile path: String, key: String, options: CSVOptions = .init(), spec: SpecReader) -> [String]? {
        let location = spec.location(of: key)
        let resolved = resolve(path)
        if !readScope.permits(resolved) {
            spec.error(ReadScope.refusal(path), at: location)
        } else if !FileSystem.exists(resolved) {
            spec.error("cannot find data file `\(path)` (relative to the notebook)", at: location)
        } else if let kind = FileKind.nonRegular(path: resolved) {
            spec.error("`\(path)` is not a regular file (\(kind))", at: location)
        } else {
            do {
                return try CSVReader.header(path: resolved, displayName: path, options: options)
            } catch {
                spec.error("cannot read the header: \(error)", at: location)
            }
        }
        return nil
    }

    /// A path relative to the notebook, made usable from the current directory.
    func resolve(_ path: String) -> String {
        FileSystem.resolve(path, relativeTo: baseDirectory)
    }

    /// Declares `name`; a second definition of the same name is an error.
    func define(_ name: String, as entity: Entity, at location: SourceLocation, spec: SpecReader) {
        if names[name] != nil {
            spec.error("`\(name)` is already defined earlier in the notebook", at: location)
            return
        }
        names[name] = entity
        order.append(name)
    }

    /// Resolves a dataset reference: `census`, `census.train` or `census.test`.
    /// Returns the base name when valid.
    @discardableResult
    func resolveDataset(_ reference: String, at location: SourceLocation, spec: SpecReader) -> String? {
        let (base, part) = Self.split(reference)
        guard case .dataset(let hasSplit) = names[base] else {
            reportUnknown(reference, kind: "dataset", at: location, spec: spec) { if case .dataset = $0 { true } else { false } }
            return nil
        }
        if let part {
            guard part == "train" || part == "test" else {
                spec.error("`\(reference)`: a dataset part is `.train` or `.test`", at: location)
                return nil
            }
            guard hasSplit else {
                spec.error("`\(base)` has no `\(part)` part: its `load` has no `split`", at: location)
                return nil
            }
        }
        return base
    }

    /// Resolves a model name (from `train`).
    func resolveModel(_ name: String, at location: SourceLocation, spec: SpecReader) -> Bool {
        guard names[name] == .model else {
            reportUnknown(name, kind: "model", at: location, spec: spec) { $0 == .model }
            return false
        }
        return true
    }

    /// Resolves a trained model or a deployment name.
    func resolveModelOrDeployment(_ name: String, at location: SourceLocation, spec: SpecReader) -> Entity? {
        switch names[name] {
        case .model: return .model
        case .deployment: return .deployment
        default:
            reportUnknown(name, kind: "model or deployment", at: location, spec: spec) { $0 == .model || $0 == .deployment }
            return nil
        }
    }

    /// Remembers the target column `load` named for the dataset `name` (`nil`: none).
    func recordTarget(_ target: String?, of name: String) {
        targets[name] = .some(target)
    }

    /// The target column of the dataset behind `reference`: `.some(nil)` when its `load` names
    /// none, `nil` when the dataset is unknown.
    func target(of reference: String) -> String?? {
        targets[Self.split(reference).base]
    }

    /// Remembers the columns of the dataset `name`, read from `file`'s header row.
    func recordColumns(_ names: [String], of name: String, file: String) {
        columns[name] = (file, names)
    }

    /// The header columns of the dataset behind `reference` (`census`, `census.train`), if known.
    func columns(of reference: String) -> [String]? {
        columns[Self.split(reference).base]?.names
    }

    /// Checks that every mentioned column is in the header of the dataset behind `reference`;
    /// reports each one that is not, with a "did you mean" hint. Unknown datasets pass (their
    /// own error is reported where they are named).
    @discardableResult
    func checkColumns(_ mentioned: [(value: String, location: SourceLocation)], in reference: String, spec: SpecReader) -> Bool {
        guard let (file, names) = columns[Self.split(reference).base] else { return true }
        return Self.checkColumns(mentioned, among: names, file: file, spec: spec)
    }

    /// Checks mentioned columns against the header `names` of `file`.
    @discardableResult
    static func checkColumns(
        _ mentioned: [(value: String, location: SourceLocation)], among names: [String], file: String, spec: SpecReader
    ) -> Bool {
        var valid = true
        for (column, location) in mentioned where !names.contains(column) {
            let listing = names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + ", …"
            spec.error(
                "`\(column)` is not a column of `\(file)`", at: location,
                hint: NameSuggestion.hint(for: column, among: names) ?? "its columns: \(listing)")
            valid = false
        }
        return valid
    }

    /// Splits `census.train` into `("census", "train")`.
    static func split(_ reference: String) -> (base: String, part: String?) {
        guard let dot = reference.lastIndex(of: ".") else { return (reference, nil) }
        return (String(reference[..<dot]), String(reference[reference.index(after: dot)...]))
    }

    private func reportUnknown(
        _ name: String, kind: String, at location: SourceLocation, spec: SpecReader, matching: (Entity) -> Bool
    ) {
        let candidates = order.filter { names[$0].map(matching) ?? false }
        let hint = NameSuggestion.hint(for: name, among: candidates)
            ?? (candidates.isEmpty ? "no \(kind) is defined before this point" : "defined so far: " + candidates.joined(separator: ", "))
        if let existing = names[Self.split(name).base] {
            spec.error("`\(name)` is a \(existing.noun), not a \(kind)", at: location, hint: hint)
        } else {
            spec.error("unknown \(kind) `\(name)`", at: location, hint: hint)
        }
    }
}
