import Foundation
import Testing
@testable import RunStorage

/// The PostgreSQL server the tests may use: `LABBOOK_TEST_POSTGRES`, which
/// `source scripts/start-postgres.sh` exports (CI does). Without it the PostgreSQL tests
/// are skipped, and the shared suite runs against SQLite only.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["LABBOOK_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipMessage: Comment = "no PostgreSQL: `source scripts/start-postgres.sh` exports LABBOOK_TEST_POSTGRES, then rerun the tests"
}

/// A run store backend the shared behavioural suite runs against.
enum StoreBackend: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    /// SQLite always; PostgreSQL when `LABBOOK_TEST_POSTGRES` names a server.
    static var available: [StoreBackend] { PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }
}

/// A fresh, empty store of one backend: a file in a temporary folder, or a database of its
/// own on the test server (so tests running at once never see each other's runs); removed
/// afterwards.
final class ScratchStore {
    /// The `--store` value that opens it.
    let location: String
    private let folder: StoreFolder?
    private let database: String?

    init(_ backend: StoreBackend) throws {
        switch backend {
        case .sqlite:
            let folder = StoreFolder()
            self.folder = folder
            database = nil
            location = folder.path
        case .postgres:
            let server = try PostgresStoreURL(try #require(PostgresTestServer.url))
            let name = "labbook_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            _ = try Self.admin().execute(unsafeSQL: "CREATE DATABASE \(name)")
            var url = server
            url.database = name
            folder = nil
            database = name
            location = Self.string(url)
        }
    }

    /// Opens the store (a new connection each time, like a new process).
    func open() throws -> any RunStoring { try RunStoreLocation(location).open() }

    deinit {
        if let database { _ = try? Self.admin().execute(unsafeSQL: "DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
    }

    /// A connection to the test server's own database, for creating and dropping scratch ones.
    static func admin() throws -> PostgresRunStore {
        try PostgresRunStore(url: try #require(PostgresTestServer.url))
    }

    /// `url` written out with its password (what a user passes to `--store`).
    static func string(_ url: PostgresStoreURL) -> String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = url.user
        components.password = url.password
        components.host = url.host
        components.port = url.port
        components.path = "/" + url.database
        return components.string ?? ""
    }
}
