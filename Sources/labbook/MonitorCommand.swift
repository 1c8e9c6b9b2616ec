import ArgumentParser
import Foundation
import MLEngine
import NotebookRunner
import RunStorage

/// `labbook monitor`: drift of a data file against a registered model's training data.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Compare current data with a registered model's training data; exit 4 on drift.",
        discussion: """
            The reference is the training data `deploy` keeps in the version's bundle. The current data is a CSV file, a folder of CSV batch files (every *.csv, in file-name order, with the same header), read with the reference's CSV options (delimiter, missing markers, types), or the prediction log `labbook serve --log DIR` writes (--log DIR, optionally only its newest --last N rows). A value that is not a number in a numeric feature is read as missing and counted, and a log line that is not a prediction row is skipped and counted: both are reported on stderr, neither stops the comparison. Each feature is decided by one test — Evidently's choice by default, or --test — and the dataset drifts when at least --drift-share of the features drift. For cron or CI: exit 0 without drift, 4 with drift, 1 when the comparison could not be made, 2 for bad arguments.

            Examples:
              labbook monitor income-classifier@production --current data/this-week.csv
              labbook monitor income-classifier@production --current data/batches/ --out reports/drift
              labbook monitor income-classifier@production --log logs --last 10000
              labbook monitor income-classifier@3 --current new.csv --test psi --threshold 0.2
            """)

    @Argument(help: ArgumentHelp("NAME@ALIAS, NAME@VERSION or NAME (the latest version).", valueName: "model"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("The current data: a CSV file, or a folder of CSV batch files.", valueName: "path"))
    var current: String?

    @Option(name: .long, help: ArgumentHelp("The current data: the prediction log folder of `labbook serve --log`.", valueName: "dir"))
    var log: String?

    @Option(name: .long, help: ArgumentHelp("With --log: only the newest N rows.", valueName: "n"))
    var last: Int?

    @Option(name: .long, help: ArgumentHelp("Write NAME-drift.md, .html and .json into this folder.", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("One test for every feature: \(DriftTest.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "test"))
    var test: String?

    @Option(name: .long, help: ArgumentHelp("The threshold for every feature (default: each test's own).", valueName: "x"))
    var threshold: Double?

    @Option(name: .long, help: ArgumentHelp("The dataset drifts when this share of features drifts.", valueName: "share"))
    var driftShare = 0.5

    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        switch (current, log) {
        case (nil, nil): throw ValidationError("give the current data with --current PATH or --log DIR")
        case (.some, .some): throw ValidationError("give the current data with --current or with --log, not both")
        default: break
        }
        if let last {
            guard log != nil else { throw ValidationError("--last applies only with --log") }
            guard last >= 1 else { throw ValidationError("--last is a number of rows ≥ 1") }
        }
        if let test, DriftTest(rawValue: test) == nil {
            throw ValidationError("unknown drift test `\(test)`; tests: \(DriftTest.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (0...1).contains(driftShare) else { throw ValidationError("--drift-share is a share between 0 and 1") }
        if let threshold, !(threshold.isFinite && threshold >= 0) { throw ValidationError("--threshold is a number ≥ 0") }
    }

    func run() throws {
        let registry = try registryOptions.open()
        let reference = try modelReference(model)
        let version = try registryCall { () throws(RegistryError) in try reference.version(in: registry) }
        let policy = DriftPolicy(test: test.flatMap(DriftTest.init(rawValue:)), threshold: threshold, shareThreshold: driftShare)
        let outcome: StandaloneMonitor.Outcome
        do {
            outcome = try StandaloneMonitor.run(
                registry: registry, name: reference.name, version: version, label: reference.description,
                source: source, policy: policy)
        } catch {
            throw StoreFailure(error.description)
        }
        print(TextTable(columns: ["feature", "test", "statistic", "p-value", "drifted"], rows: outcome.table).render())
        for warning in outcome.warnings { Terminal.error("warning: " + warning) }
        if let out {
            let written = try write(outcome.files, into: out, name: reference.name)
            Terminal.error("\(outcome.summary); reports: \(written.joined(separator: ", "))")
        } else {
            Terminal.error(outcome.summary)
        }
        if outcome.drifted { throw ExitCode(4) }
    }

    /// The current data the options name: the log, a folder of batch files, or a file.
    var source: CurrentSource {
        if let log { return .log(log, last: last) }
        let path = current ?? ""
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return .folder(path) }
        return .file(path)
    }

    /// Writes each file through a temporary name and a rename (never a half-written report).
    private func write(_ files: [(ext: String, text: String)], into folder: String, name: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var written = [String]()
            for file in files {
                let path = (folder as NSString).appendingPathComponent("\(name)-drift.\(file.ext)")
                let temporary = (folder as NSString).appendingPathComponent(".\(name)-drift.\(file.ext).tmp-\(getpid())")
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: temporary))
                guard rename(temporary, path) == 0 else {
                    let code = errno
                    try? FileManager.default.removeItem(atPath: temporary)
                    throw StoreFailure("cannot write \(path): \(String(cString: strerror(code)))")
                }
                written.append(path)
            }
            return written
        } catch let failure as StoreFailure {
            throw failure
        } catch {
            throw StoreFailure("cannot write the reports into \(folder): \(error.localizedDescription)")
        }
    }
}
