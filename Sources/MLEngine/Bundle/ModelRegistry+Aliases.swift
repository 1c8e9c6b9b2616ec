import FileKinds
import Foundation

/// One move of an alias, kept in the alias file after its current version.
public struct AliasMove: Codable, Sendable, Equatable {
    /// `set` points the alias at a version (deploy, promote); `rollback` returns it to the one before.
    public enum Action: String, Codable, Sendable {
        case set, rollback
    }

    public var action: Action
    /// The version it pointed at before; `nil` when the alias was new.
    public var from: Int?
    public var to: Int
    /// Who moved it, e.g. `["notebook": "notebooks/income.md", "run": "12"]` or
    /// `["command": "labbook models promote"]`; never a wall-clock time.
    public var by: [String: String]

    public init(action: Action, from: Int?, to: Int, by: [String: String]) {
        self.action = action
        self.from = from
        self.to = to
        self.by = by
    }
}

/// Aliases are files `NAME/aliases/ALIAS`: the version on the first line, then one JSON line per
/// move, oldest first. A move rewrites the whole file in one atomic rename, so the version and
/// its history always agree, and a process killed mid-move leaves the old alias in place.
/// Moves of one model's aliases are serialised with a lock file, so concurrent moves lose no history.
extension ModelRegistry {
    /// Points `alias` (e.g. `production`) of model `name` at `version`, replacing any previous
    /// target in one atomic step and recording the move. Pointing it where it already points
    /// changes nothing.
    /// - Throws: ``RegistryError`` for an invalid name or alias, a version that does not exist,
    ///   or a file error.
    public func setAlias(_ alias: String, name: String, version: Int, by: [String: String] = [:]) throws(RegistryError) {
        try Self.validate(alias, what: "alias")
        let available = try versions(of: name)
        guard available.contains(version) else {
            throw RegistryError(
                available.isEmpty
                    ? "no model named \"\(name)\" in the registry at \(root)"
                    : "model \"\(name)\" has no version \(version); versions are: " + available.map(String.init).joined(separator: ", ")
            )
        }
        try updateAlias(alias, name: name) { current throws(RegistryError) in
            guard current?.version != version else { return nil }
            return AliasMove(action: .set, from: current?.version, to: version, by: by)
        }
    }

    /// Returns `alias` to the version it pointed at before its latest `set` (undoing promotions
    /// one at a time) and returns that version.
    /// - Throws: ``RegistryError`` when the alias does not exist or has no earlier version.
    @discardableResult
    public func rollbackAlias(_ alias: String, name: String, by: [String: String] = [:]) throws(RegistryError) -> Int {
        try Self.validate(alias, what: "alias")
        var target = 0
        try updateAlias(alias, name: name) { current throws(RegistryError) in
            guard let current else { throw RegistryError("model \"\(name)\" has no alias \"\(alias)\"") }
            let stack = Self.versionStack(current.history)
            guard stack.count >= 2 else {
                throw RegistryError("alias \"\(alias)\" of model \"\(name)\" has no earlier version to roll back to")
            }
            target = stack[stack.count - 2]
            return AliasMove(action: .rollback, from: current.version, to: target, by: by)
        }
        return target
    }

    /// The version `alias` of model `name` points at.
    /// - Throws: ``RegistryError`` when the alias does not exist or its file is damaged.
    public func version(ofAlias alias: String, name: String) throws(RegistryError) -> Int {
        guard let state = try readAlias(alias, name: name) else {
            throw RegistryError("model \"\(name)\" has no alias \"\(alias)\"")
        }
        return state.version
    }

    /// Every move of `alias`, oldest first (empty for an alias set before histories were kept).
    public func aliasHistory(_ alias: String, name: String) throws(RegistryError) -> [AliasMove] {
        try readAlias(alias, name: name)?.history ?? []
    }

    /// Every alias of model `name` and the version it points at.
    /// - Throws: ``RegistryError`` for an invalid name or a damaged alias file.
    public func aliases(of name: String) throws(RegistryError) -> [String: Int] {
        try Self.validate(name, what: "model name")
        var result: [String: Int] = [:]
        for alias in try Self.entries(of: aliasDirectory(of: name)) where Self.isValidName(alias) {
            result[alias] = try version(ofAlias: alias, name: name)
        }
        return result
    }

    /// The path of the alias file (servers watch it to reload on a move).
    public func aliasPath(_ alias: String, name: String) -> String {
        aliasDirectory(of: name) + "/" + alias
    }

    // MARK: the alias file

    private struct AliasState {
        var version: Int
        var history: [AliasMove]
    }

    /// Replays the history: a `set` pushes its version, a `rollback` pops one; the top is current.
    private static func versionStack(_ history: [AliasMove]) -> [Int] {
        var stack: [Int] = []
        for move in history {
            switch move.action {
            case .set: stack.append(move.to)
            case .rollback:
                if !stack.isEmpty { stack.removeLast() }
                if stack.last != move.to { stack.append(move.to) }
            }
        }
        return stack
    }

    private func readAlias(_ alias: String, name: String) throws(RegistryError) -> AliasState? {
        try Self.validate(alias, what: "alias")
        try Self.validate(name, what: "model name")
        let path = aliasPath(alias, name: name)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, let version = Int(first.trimmingCharacters(in: .whitespaces)), version > 0 else {
            throw RegistryError("the alias file \(path) does not hold a version number")
        }
        var history: [AliasMove] = []
        for line in lines.dropFirst() {
            guard let move = try? JSONDecoder().decode(AliasMove.self, from: Data(line.utf8)) else {
                throw RegistryError("the alias file \(path) has a damaged history line")
            }
            history.append(move)
        }
        return AliasState(version: version, history: history)
    }

    /// Under the model's alias lock: reads the alias, asks `decide` for a move (`nil`: none),
    /// and writes the moved alias with its history in one atomic rename.
    private func updateAlias(
        _ alias: String, name: String, _ decide: (AliasState?) throws(RegistryError) -> AliasMove?
    ) throws(RegistryError) {
        let folder = aliasDirectory(of: name)
        try Self.createDirectory(folder)
        do {
            try FileLock.withExclusiveLock(at: folder + "/.lock") {
                let current = try readAlias(alias, name: name)
                guard let move = try decide(current) else { return }
                // An alias from before histories were kept starts its history with its version then.
                var history = current?.history ?? []
                if let current, history.isEmpty {
                    history.append(AliasMove(action: .set, from: nil, to: current.version, by: [:]))
                }
                history.append(move)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                var text = "\(move.to)\n"
                for entry in history {
                    text += String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n"
                }
                try Self.replaceAtomically(aliasPath(alias, name: name), in: folder, contents: Data(text.utf8))
            }
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError("cannot move alias \"\(alias)\" of model \"\(name)\": \(error)")
        }
    }

    private func aliasDirectory(of name: String) -> String {
        directory(of: name) + "/aliases"
    }
}
