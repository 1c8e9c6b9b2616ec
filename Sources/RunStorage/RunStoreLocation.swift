/// Where runs are recorded, from a `--store` value: a `postgres://…` (or `postgresql://…`)
/// URL is a PostgreSQL store, anything else the path of a SQLite file.
///
/// ```swift
/// let store = try RunStoreLocation("postgres://labbook:secret@db.internal/labbook").open()
/// let runs = try store.runs()
/// ```
public enum RunStoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file (`RunStore`).
    case sqlite(path: String)
    /// A PostgreSQL database (`PostgresRunStore`).
    case postgres(PostgresStoreURL)

    /// Reads a `--store` value; only a malformed PostgreSQL URL is an error.
    public init(_ value: String) throws(RunStoreError) {
        self = PostgresStoreURL.isPostgresURL(value) ? .postgres(try PostgresStoreURL(value)) : .sqlite(path: value)
    }

    /// Opens the store, creating its schema or bringing it up to date.
    public func open() throws(RunStoreError) -> any RunStoring {
        switch self {
        case .sqlite(let path): try RunStore(path: path)
        case .postgres(let url): try PostgresRunStore(url: url)
        }
    }

    /// The path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }
}
