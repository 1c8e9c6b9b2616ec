import Foundation
import Testing
@testable import RunStorage

/// `--store` values: file paths and PostgreSQL URLs, and errors that never show a password.
@Suite struct RunStoreLocationTests {
    @Test func aPathIsASQLiteFileAndAURLAPostgreSQLDatabase() throws {
        #expect(try RunStoreLocation("runs.sqlite") == .sqlite(path: "runs.sqlite"))
        #expect(try RunStoreLocation("/tmp/postgres/runs.sqlite") == .sqlite(path: "/tmp/postgres/runs.sqlite"))
        let url = PostgresStoreURL(host: "db.internal", port: 6432, user: "ana", password: "s3cret", database: "team")
        #expect(try RunStoreLocation("postgres://ana:s3cret@db.internal:6432/team") == .postgres(url))
        #expect(try RunStoreLocation("postgresql://ana:s3cret@db.internal:6432/team") == .postgres(url))
        #expect(try RunStoreLocation("POSTGRES://ana:s3cret@db.internal:6432/team") == .postgres(url))
        #expect(try RunStoreLocation("postgres://ana:s3cret@db.internal:6432/team").description == "postgres://ana@db.internal:6432/team")
    }

    @Test func theURLHasLibpqsDefaults() throws {
        let url = try PostgresStoreURL("postgres://ana@db.internal")
        #expect(url == PostgresStoreURL(host: "db.internal", port: 5432, user: "ana", password: nil, database: "ana", tls: .prefer))
        #expect(try PostgresStoreURL("postgres://ana:p%40ss%3Aw%2Fd@127.0.0.1/x").password == "p@ss:w/d")
        #expect(try PostgresStoreURL("postgres://ana@h/x?sslmode=disable").tls == .disable)
        #expect(try PostgresStoreURL("postgres://ana@h/x?sslmode=require").tls == .require)
        #expect(try PostgresStoreURL("postgres://ana@h/x?sslmode=verify-full").tls == .verifyFull)
    }

    @Test(arguments: [
        ("postgres://ana:hunter22@/team", "names no host"),
        ("postgres://:hunter22@db/team", "names no user"),
        ("postgres://ana:hunter22@db/team/extra", "not a database name"),
        ("postgres://ana:hunter22@db/team?sslmode=sometimes", "sslmode=sometimes"),
        ("postgres://ana:hunter22@db/team?password=hunter22", "unknown parameter password"),
        ("postgres://ana:hunter22@db:port/team", "not a PostgreSQL URL"),
    ])
    func aBadURLSaysWhatIsWrongWithoutThePassword(_ text: String, _ expected: String) throws {
        let error = #expect(throws: RunStoreError.self) { try RunStoreLocation(text) }
        let message = try #require(error?.description)
        #expect(message.contains(expected))
        #expect(!message.contains("hunter22"))
    }

    @Test func anUnreachableServerNamesHostPortAndDatabaseButNotThePassword() throws {
        // Port 1 on this machine: nothing listens, the connection is refused at once.
        let error = #expect(throws: RunStoreError.self) { try RunStoreLocation("postgres://ana:hunter22@127.0.0.1:1/team").open() }
        let message = try #require(error?.description)
        #expect(message.hasPrefix("cannot connect to the run store postgres://ana@127.0.0.1:1/team: "))
        #expect(message.contains("is the server running and reachable?"))
        #expect(!message.contains("hunter22"))
    }
}
