import Foundation
public import MLEngine
import Reports

/// `labbook monitor NAME@ALIAS --current FILE`: the `monitor` directive without a notebook.
/// The reference is the training data kept in the version's bundle; the current file is
/// read with the reference's CSV options, each feature as the type it had in training.
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
    }

    /// A failure worth one line on stderr.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Compares `currentPath` with the training data of `name` version `version`.
    /// - Parameters:
    ///   - label: how the model is named in the report, e.g. `income-classifier@production`.
    ///   - displayPath: the current file as the user wrote it (reports hold no absolute paths).
    public static func run(
        registry: ModelRegistry, name: String, version: Int, label: String, currentPath: String, displayPath: String,
        policy: DriftPolicy
    ) throws(Failure) -> Outcome {
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
        let current: LoadedCSV
        do {
            current = try CSVReader.read(path: currentPath, displayName: displayPath, options: options)
        } catch {
            throw Failure(description: String(describing: error))
        }
        let report: DriftReport
        do {
            report = try DriftReport.compare(reference: reference.frame, current: current.frame, features: features, policy: policy)
        } catch {
            throw Failure(description: "\(displayPath): \(error.message)")
        }
        let outputs = MonitorOutputs.render(
            report, reference: "\(label) (version \(version)) training data", current: displayPath,
            rows: current.frame.rowCount, policy: policy)
        let section = DirectiveSection(
            kind: "monitor", name: label, source: "model: \(label)\ncurrent: \(displayPath)\n", location: displayPath,
            outputs: outputs)
        let document = Report(
            title: "Drift of `\(displayPath)` against \(label)", blocks: [.directive(section)],
            footer: ReportFooter(items: [
                FooterItem(label: "model", value: "\(name) version \(version)"),
                FooterItem(label: "current data", value: current.fingerprint.content),
                FooterItem(label: "engine", value: "Labbook \(EngineInfo.version)"),
            ]))
        let verdict = DriftVerdict(
            current: displayPath, reference: "\(name)@\(version)", drifted: report.datasetDrifted,
            driftedShare: report.driftedShare, driftedFeatures: report.features.filter(\.drifted).map(\.feature),
            features: report.features.map(DriftStatisticsRecord.init))
        let json = JSONValue.object([
            "model": .string(name), "version": .number(Double(version)), "current": .string(displayPath),
            "current_sha256": .string(current.fingerprint.content), "rows": .number(Double(current.frame.rowCount)),
            "drifted": .bool(verdict.drifted), "drifted_share": .number(verdict.driftedShare),
            "drifted_features": .array(verdict.driftedFeatures.map(JSONValue.string)),
            "features": .array(verdict.features.map(\.json)),
        ])
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
            files: [("md", MarkdownRenderer.render(document)), ("html", HTMLRenderer.render(document)), ("json", json.text + "\n")])
    }
}
