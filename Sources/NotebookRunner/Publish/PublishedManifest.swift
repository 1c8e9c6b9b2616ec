import Foundation

/// The fields of a `NAME.run.json` manifest that `labbook publish` shows on the index.
struct PublishedManifest: Decodable {
    struct NotebookReference: Decodable {
        var path: String
    }

    struct Goal: Decodable {
        var metric: String
        var target: String
        var met: Bool?
        var value: Double?
        var model: String?
    }

    struct Directive: Decodable {
        var status: String
    }

    var formatVersion: Int
    /// Absent in manifests written before `title` was added; the index falls back to the name.
    var title: String?
    var notebook: NotebookReference
    var goal: Goal?
    /// model → split → metric → value (`null` for a value that was not finite).
    var metrics: [String: [String: [String: Double?]]]
    var directives: [Directive]
    var exitCode: Int

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case title, notebook, goal, metrics, directives
        case exitCode = "exit_code"
    }

    /// Reads and decodes `path`, or says in one line why it is not a manifest.
    static func read(_ path: String) throws(ReportSiteError) -> PublishedManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportSiteError("\(path): cannot read the file")
        }
        let manifest: PublishedManifest
        do {
            manifest = try JSONDecoder().decode(PublishedManifest.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportSiteError("\(path): not a Labbook run manifest: no `\(Self.path(context.codingPath + [key]))`")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ReportSiteError("\(path): not a Labbook run manifest: `\(Self.path(context.codingPath))` has the wrong type")
        } catch {
            throw ReportSiteError("\(path): not a Labbook run manifest: it is not valid JSON")
        }
        guard manifest.formatVersion == RunManifest.formatVersion else {
            throw ReportSiteError(
                "\(path): manifest format_version \(manifest.formatVersion) is not \(RunManifest.formatVersion); render it again with this labbook")
        }
        return manifest
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }

    /// Every finite value of `metric`, with the model that reached it, over all splits.
    func values(of metric: String) -> [(model: String, value: Double)] {
        metrics.keys.sorted().flatMap { model in
            (metrics[model] ?? [:]).keys.sorted().compactMap { split in
                (metrics[model]?[split]?[metric] ?? nil).flatMap { $0.isFinite ? (model, $0) : nil }
            }
        }
    }
}
