import Foundation
public import MLEngine
import Reports

/// `labbook monitor NAME@ALIAS --current FILE|DIR` or `--log DIR`: the `monitor` directive
/// without a notebook. The reference is the training data kept in the version's bundle; current
/// CSV data is read with the reference's CSV options, each feature as the type it had in
/// training; a prediction log gives rows of the model's features.
public enum StandaloneMonitor {
    /// What one comparison found, rendered.
    public struct Outcome: Sendable {
        /// Whether the dataset drifted (the command exits 4).
        public var drifted: Bool
        /// One line: the verdict and the drifted features.
        public var summary: String
        /// The per-feature table as plain text, for the terminal.
        public var table: [[String]]
        /// The reports: `.md`, `.html` and `.json` texts by extension.
        public var files: [(ext: String, text: String)]
        /// What was wrong in the current data without stopping the comparison (values read as
        /// missing, log lines skipped), one line each, for stderr.
        public var warnings: [String]
    }

    /// A failure worth one line on stderr.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Compares the current data `source` with the training data of `name` version `version`.
    /// - Parameters:
    ///   - label: how the model is named in the report, e.g. `income-classifier@production`.
    ///   - source: the current data, its path as the user wrote it (relative to the current
    ///     folder; reports hold no absolute paths).
    public static func run(
        registry: ModelRegistry, name: String, version: Int, label: String, source: CurrentSource, policy: DriftPolicy
    ) throws(Failure) -> Outcome {
        let displayPath = source.path
        let reference: ReferenceData
        let manifest: ModelManifest
        do {
            manifest = try registry.manifest(name: name, version: version)
            guard let kept = try registry.reference(name: name, version: version) else {
                throw Failure(description: "\(label) (version \(version)) was registered without its training data; deploy it again with this Labbook to monitor it without the notebook")
            }
            reference = kept
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: String(describing: error))
        }
        let features = manifest.featureSchema.features.map(\.name)
        let options = reference.options.pinningTypes(of: features, as: reference.frame)
        let current: CurrentData
        do {
            current = try CurrentDataReader.read(
                source, resolve: { $0 }, reference: reference.frame, features: features, options: options, model: name)
        } catch {
            throw Failure(description: String(describing: error))
        }
        let report: DriftReport
        do {
            report = try DriftReport.compare(reference: reference.frame, current: current.frame, features: features, policy: policy)
        } catch {
            throw Failure(description: "\(displayPath): \(error.message)")
        }
        let notes = MonitorOutputs.dataNotes(current, source: source)
        let outputs = MonitorOutputs.render(
            report, reference: "\(label) (version \(version)) training data", current: displayPath,
            rows: current.frame.rowCount, policy: policy, dataNotes: notes)
        let section = DirectiveSection(
            kind: "monitor", name: label, source: "model: \(label)\n" + sourceLines(source), location: displayPath,
            outputs: outputs)
        let document = Report(
            title: "Drift of `\(displayPath)` against \(label)", blocks: [.directive(section)],
            footer: ReportFooter(items: [
                FooterItem(label: "model", value: "\(name) version \(version)"),
                FooterItem(label: "current data", value: current.fingerprint),
                FooterItem(label: "engine", value: "Labbook \(EngineInfo.version)"),
            ]))
        let verdict = DriftVerdict(
            current: displayPath, reference: "\(name)@\(version)", drifted: report.datasetDrifted,
            driftedShare: report.driftedShare, driftedFeatures: report.features.filter(\.drifted).map(\.feature),
            features: report.features.map(DriftStatisticsRecord.init), dataProblems: DataProblemsRecord(current))
        var members: [String: JSONValue] = [
            "model": .string(name), "version": .number(Double(version)), "current": .string(displayPath),
            "current_sha256": .string(current.fingerprint), "rows": .number(Double(current.frame.rowCount)),
            "drifted": .bool(verdict.drifted), "drifted_share": .number(verdict.driftedShare),
            "drifted_features": .array(verdict.driftedFeatures.map(JSONValue.string)),
            "features": .array(verdict.features.map(\.json)),
        ]
        if case .log(_, let last) = source {
            members["source"] = .string("log")
            if let last { members["last"] = .integer(Int64(last)) }
        } else if case .folder = source {
            members["source"] = .string("folder")
        }
        if current.files.count > 1 || source != .file(displayPath) {
            members["files"] = .array(current.files.map { .object(["path": .string($0.path), "sha256": .string($0.fingerprint)]) })
        }
        members.merge(verdict.dataProblems?.jsonMembers ?? [:]) { first, _ in first }
        let json = JSONValue.object(members)
        let drifted = verdict.driftedFeatures
        let summary = (report.datasetDrifted ? "drift detected" : "no dataset drift")
            + ": \(drifted.count) of \(report.features.count) features drifted"
            + (drifted.isEmpty ? "" : " (\(drifted.joined(separator: ", ")))")
        let table = report.features.map { feature -> [String] in
            let measurement = feature.measurement
            return [
                feature.feature, measurement.test.rawValue, NumberFormat.fixed(measurement.statistic, decimals: 4),
                measurement.pValue.map(NumberFormat.pValue) ?? "—", feature.drifted ? "yes" : "no",
            ]
        }
        return Outcome(
            drifted: report.datasetDrifted, summary: summary, table: table,
            files: [("md", MarkdownRenderer.render(document)), ("html", HTMLRenderer.render(document)), ("json", json.text + "\n")],
            warnings: notes.filter { $0.level == .warning }.map(\.message))
    }

    /// The spec lines the report shows for the current data.
    private static func sourceLines(_ source: CurrentSource) -> String {
        switch source {
        case .file(let path), .folder(let path): "current: \(path)\n"
        case .log(let path, let last?): "log: \(path)\nlast: \(last)\n"
        case .log(let path, nil): "log: \(path)\n"
        }
    }
}
