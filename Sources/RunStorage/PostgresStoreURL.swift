import Foundation

/// A PostgreSQL run store's address, from `postgres://USER:PASSWORD@HOST:PORT/DATABASE`
/// (or `postgresql://…`), as libpq writes it: the user and password percent-encoded, the port
/// 5432 and the database the user's name when left out, and `?sslmode=disable|prefer|require|verify-full`
/// (default `prefer`: TLS when the server offers it).
///
/// `description` never shows the password, and neither does any error about the URL.
public struct PostgresStoreURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection uses TLS (libpq's `sslmode`).
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it, without verifying its certificate.
        case prefer
        /// Always TLS, without verifying the server's certificate.
        case require
        /// Always TLS, verifying the certificate and that it names the host.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The user to connect as.
    public var user: String
    /// The user's password, if any.
    public var password: String?
    /// The database.
    public var database: String
    /// How the connection uses TLS.
    public var tls: TLSMode

    /// Creates an address.
    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Whether `text` is a PostgreSQL URL (`postgres://…` or `postgresql://…`), not a file path.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses `text`; the error names what is wrong with it, never its password.
    public init(_ text: String) throws(RunStoreError) {
        let usage = "postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw RunStoreError("not a PostgreSQL URL (\(usage)); check that a password with @, :, / or % is percent-encoded")
        }
        let shown = Self.redacted(components)
        guard let host = components.host, !host.isEmpty else {
            throw RunStoreError("the PostgreSQL URL \(shown) names no host (\(usage))")
        }
        guard let user = components.user, !user.isEmpty else {
            throw RunStoreError("the PostgreSQL URL \(shown) names no user (\(usage))")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else {
            throw RunStoreError("the PostgreSQL URL \(shown) has a path that is not a database name (\(usage))")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw RunStoreError("the PostgreSQL URL \(shown) has an unknown parameter \(item.name) (only sslmode is read)")
            }
            guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw RunStoreError("the PostgreSQL URL \(shown) has sslmode=\(item.value ?? "") (one of \(modes))")
            }
            tls = mode
        }
        self.init(
            host: host, port: components.port ?? 5432, user: user, password: components.password, database: path.isEmpty ? user : path,
            tls: tls)
    }

    /// `postgres://USER@HOST:PORT/DATABASE`: the address without its password.
    public var description: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.host = host
        components.port = port
        components.path = "/" + database
        return components.string ?? "postgres://\(host):\(port)/\(database)"
    }

    private static func redacted(_ components: URLComponents) -> String {
        var components = components
        if components.password != nil { components.password = "***" }
        components.query = nil
        return components.string ?? "postgres://…"
    }
}
