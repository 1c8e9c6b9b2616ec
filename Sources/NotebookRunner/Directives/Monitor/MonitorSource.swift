import Foundation
import MLEngine
import NotebookFormat

/// `monitor`'s `current` (a CSV file or a folder of batch files) or `log` (the prediction log,
/// with an optional window `last`), checked when the notebook is planned.
enum MonitorSource {
    /// The source and the files it holds now (as written, relative to the notebook), or `nil`
    /// after located errors. `columns` are the columns the spec mentions, checked against a
    /// CSV header.
    static func read(
        _ spec: SpecReader, plan: PlanContext, columns: [(value: String, location: SourceLocation)]
    ) -> (source: CurrentSource, files: [String])? {
        let last = spec.int("last", range: 1...Int(Int32.max))
        if spec.has("log") {
            if spec.has("current") {
                spec.error("give the current data as `current` or as `log`, not both", at: spec.location(of: "current"))
                return nil
            }
            guard let path = spec.string("log") else { return nil }
            guard let files = logFiles(path, spec: spec, plan: plan) else { return nil }
            return (.log(path, last: last), files)
        }
        if spec.has("last") {
            spec.error("`last` applies only to a prediction log (`log`)", at: spec.location(of: "last"))
        }
        guard spec.has("current") else {
            spec.error(
                "`monitor` needs its current data: `current` (a CSV file or a folder of them) or `log` (a prediction log folder)",
                at: spec.location)
            return nil
        }
        guard let path = spec.string("current") else { return nil }
        let resolved = plan.resolve(path)
        var isDirectory: ObjCBool = false
        if plan.readScope.permits(resolved), FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            do {
                let files = try CurrentDataReader.batchFiles(path, resolved: resolved)
                try CurrentDataReader.checkHeaders(files, options: .init())
                let header = try CSVReader.header(path: files[0].resolved, displayName: files[0].shown)
                guard PlanContext.checkColumns(columns, among: header, file: files[0].shown, spec: spec) else { return nil }
                return (.folder(path), files.map(\.shown))
            } catch {
                spec.error(error.description, at: spec.location(of: "current"))
                return nil
            }
        }
        guard let header = plan.header(ofDataFile: path, key: "current", spec: spec) else { return nil }
        guard PlanContext.checkColumns(columns, among: header, file: path, spec: spec) else { return nil }
        return (.file(path), [path])
    }

    /// The log's files now, or `nil` after a located error at `log`.
    private static func logFiles(_ path: String, spec: SpecReader, plan: PlanContext) -> [String]? {
        let location = spec.location(of: "log")
        let resolved = plan.resolve(path)
        var isDirectory: ObjCBool = false
        guard plan.readScope.permits(resolved) else {
            spec.error(ReadScope.refusal(path), at: location)
            return nil
        }
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            spec.error("cannot find the prediction log folder `\(path)` (relative to the notebook)", at: location)
            return nil
        }
        guard isDirectory.boolValue else {
            spec.error("`\(path)` is a file; `log` names the folder `labbook serve --log` writes", at: location)
            return nil
        }
        do {
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            return try PredictionLogReader.files(in: resolved, displayName: path).map { folder + "/" + $0 }
        } catch {
            spec.error(error.description, at: location)
            return nil
        }
    }
}
