/// A model named on a command line: `NAME` (the latest version), `NAME@3` (a version) or
/// `NAME@production` (an alias).
///
/// ```swift
/// let reference = try ModelReference(parsing: "income-classifier@production")
/// let version = try reference.version(in: registry)
/// ```
public struct ModelReference: Sendable, Equatable, CustomStringConvertible {
    public enum Selector: Sendable, Equatable {
        case latest
        case version(Int)
        case alias(String)
    }

    public var name: String
    public var selector: Selector

    public init(name: String, selector: Selector = .latest) {
        self.name = name
        self.selector = selector
    }

    /// Parses `NAME[@VERSION|@ALIAS]`; a selector of digits is a version.
    public init(parsing text: String) throws(RegistryError) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        try ModelRegistry.validate(parts[0], what: "model name")
        name = parts[0]
        guard parts.count == 2 else {
            selector = .latest
            return
        }
        if let version = Int(parts[1]) {
            guard version > 0 else { throw RegistryError("a model version is a number from 1; got \"\(parts[1])\"") }
            selector = .version(version)
        } else {
            try ModelRegistry.validate(parts[1], what: "alias")
            selector = .alias(parts[1])
        }
    }

    /// The version it names in `registry`.
    public func version(in registry: ModelRegistry) throws(RegistryError) -> Int {
        switch selector {
        case .version(let version):
            let available = try registry.versions(of: name)
            guard available.contains(version) else {
                throw RegistryError(
                    available.isEmpty
                        ? "no model named \"\(name)\" in the registry at \(registry.root)"
                        : "model \"\(name)\" has no version \(version); versions are: "
                            + available.map(String.init).joined(separator: ", "))
            }
            return version
        case .alias(let alias):
            return try registry.version(ofAlias: alias, name: name)
        case .latest:
            guard let latest = try registry.versions(of: name).last else {
                throw RegistryError("no model named \"\(name)\" in the registry at \(registry.root)")
            }
            return latest
        }
    }

    public var description: String {
        switch selector {
        case .latest: name
        case .version(let version): "\(name)@\(version)"
        case .alias(let alias): "\(name)@\(alias)"
        }
    }
}
