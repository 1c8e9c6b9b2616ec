import Foundation

extension ModelRegistry {
    /// Points `alias` (e.g. `production`) of model `name` at `version`, replacing any
    /// previous target in one atomic step.
    /// - Throws: ``RegistryError`` for an invalid name or alias, a version that does not exist,
    ///   or a file error.
    public func setAlias(_ alias: String, name: String, version: Int) throws(RegistryError) {
        try Self.validate(alias, what: "alias")
        let available = try versions(of: name)
        guard available.contains(version) else {
            throw RegistryError(
                available.isEmpty
                    ? "no model named \"\(name)\" in the registry at \(root)"
                    : "model \"\(name)\" has no version \(version); versions are: " + available.map(String.init).joined(separator: ", ")
            )
        }
        let folder = aliasDirectory(of: name)
        try Self.createDirectory(folder)
        try Self.replaceAtomically(folder + "/" + alias, in: folder, contents: Data("\(version)\n".utf8))
    }

    /// The version `alias` of model `name` points at.
    /// - Throws: ``RegistryError`` when the alias does not exist or its file is damaged.
    public func version(ofAlias alias: String, name: String) throws(RegistryError) -> Int {
        try Self.validate(alias, what: "alias")
        try Self.validate(name, what: "model name")
        let path = aliasDirectory(of: name) + "/" + alias
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegistryError("model \"\(name)\" has no alias \"\(alias)\"")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let version = Int(text), version > 0 else {
            throw RegistryError("the alias file \(path) does not hold a version number")
        }
        return version
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

    private func aliasDirectory(of name: String) -> String {
        directory(of: name) + "/aliases"
    }
}
