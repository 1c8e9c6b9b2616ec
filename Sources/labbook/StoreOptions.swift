import ArgumentParser
import Foundation
import NotebookRunner
import RunStorage

/// `--store PATH|URL`, shared by `runs`, `show` and `compare`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The run store: a SQLite file, or a PostgreSQL database shared by a team (postgres://USER:PASSWORD@HOST:PORT/DATABASE).",
            valueName: "path|url"))
    var store: String?

    /// The store to read: `--store`, else `.labbook/labbook.sqlite` beside `notebook` when one
    /// is named, else `./.labbook/labbook.sqlite`, else the only `*/.labbook/labbook.sqlite`
    /// one folder down (e.g. `notebooks/.labbook/labbook.sqlite`). A `postgres://…` URL opens
    /// that database.
    func open(notebook: String? = nil) throws -> any RunStoring {
        do {
            let location = try RunStoreLocation(try resolve(notebook: notebook))
            if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
                throw StoreFailure("no run store at \(path); run a notebook first, or name one with --store PATH")
            }
            return try location.open()
        } catch let error as RunStoreError {
            throw StoreFailure(error.description)
        }
    }

    func resolve(notebook: String?) throws -> String {
        if let store { return store }
        let files = FileManager.default
        if let notebook {
            return (NotebookPaths(notebook: notebook).stateDirectory as NSString).appendingPathComponent("labbook.sqlite")
        }
        let local = ".labbook/labbook.sqlite"
        if files.fileExists(atPath: local) { return local }
        let found = ((try? files.contentsOfDirectory(atPath: ".")) ?? []).sorted()
            .map { "\($0)/.labbook/labbook.sqlite" }
            .filter { files.fileExists(atPath: $0) }
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw StoreFailure("no run store in .labbook/ here or one folder down; run a notebook first, or name one with --store PATH")
        }
        throw StoreFailure("several run stores (\(found.joined(separator: ", "))); name one with --store PATH")
    }
}

/// A store command that cannot do its job: ArgumentParser prints `Error: MESSAGE` and exits 1.
struct StoreFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Formatting shared by the store commands.
enum RunText {
    static func when(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    static func seconds(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "—"
    }

    static func headline(_ run: RunRecord) -> String {
        guard let headline = run.headline else { return "—" }
        return "\(headline.metric) \(String(format: "%.4f", headline.value)) (\(headline.model))"
    }

    static func status(_ status: RunStatus) -> String {
        switch status {
        case .finished: status.rawValue
        case .running: Terminal.paint(status.rawValue, "36")
        case .interrupted: Terminal.paint(status.rawValue, "33")
        }
    }
}
