import Foundation
import NotebookFormat
public import Reports
public import RunStorage

/// `labbook publish`: a static site of a reports folder — every notebook's latest report with
/// its key metric, goal verdict and a small history chart, linking to each report and
/// `run.json` — as plain files for any static host.
///
/// Every regular file of the reports folder is copied into the site folder beside
/// `index.html` and `index.md`, so the reports' own relative links keep working. A sweep's
/// runs (`NAME--p=v.run.json`) are not listed on their own when `NAME.run.json` is there;
/// the entry links the sweep's comparison `NAME.sweep.html` instead. Each file is written to a
/// temporary file and renamed, and nothing else in the site folder is touched. The pages hold
/// no dates or absolute paths: the same reports and run store give byte-identical pages.
///
/// ```swift
/// let outcome = try ReportSite.publish(reports: "reports", out: "site") { path in
///     (try? store.runs(notebook: path)) ?? []
/// }
/// ```
public enum ReportSite {
    /// What was published.
    public struct Outcome: Sendable, Equatable {
        /// The index's entries, in order.
        public var index: SiteIndex
        /// The files written, index pages last, as `out/NAME`.
        public var written: [String]
    }

    /// How many of a notebook's most recent runs the history chart shows.
    public static let historyLimit = 20

    /// Builds the site of `reports` in `out`; `runs` gives the recorded runs of a notebook
    /// path (empty without a run store), from which the history charts come.
    public static func publish(
        reports: String, out: String, title: String = "Labbook reports", runs: (String) -> [RunRecord]
    ) throws(ReportSiteError) -> Outcome {
        let files = try listing(reports)
        let names = Set(files)
        for reserved in ["index.html", "index.md"] where names.contains(reserved) {
            throw ReportSiteError("\(join(reports, reserved)): the site's index would replace it; rename it or publish another folder")
        }
        let manifests = files.filter { $0.hasSuffix(".run.json") }.map { String($0.dropLast(".run.json".count)) }
        let notebooks = Set(manifests)
        var entries: [SiteEntry] = []
        for name in manifests {
            if let separator = name.range(of: "--"), notebooks.contains(String(name[..<separator.lowerBound])) { continue }
            let manifest = try PublishedManifest.read(join(reports, "\(name).run.json"))
            entries.append(entry(name: name, manifest: manifest, files: names, runs: runs(manifest.notebook.path)))
        }
        let index = SiteIndex(title: title, entries: entries)
        var written: [String] = []
        let sameFolder = URL(fileURLWithPath: reports).standardizedFileURL.resolvingSymlinksInPath()
            == URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw ReportSiteError("\(out): cannot create the folder: \(error.localizedDescription)")
        }
        if !sameFolder {
            for file in files {
                guard let data = FileManager.default.contents(atPath: join(reports, file)) else {
                    throw ReportSiteError("\(join(reports, file)): cannot read the file")
                }
                written.append(try write(data, to: join(out, file)))
            }
        }
        written.append(try write(Data(SiteIndexRenderer.html(index).utf8), to: join(out, "index.html")))
        written.append(try write(Data(SiteIndexRenderer.markdown(index).utf8), to: join(out, "index.md")))
        return Outcome(index: index, written: written)
    }

    static func entry(name: String, manifest: PublishedManifest, files: Set<String>, runs: [RunRecord]) -> SiteEntry {
        let lowerIsBetter = lowerIsBetter(metric: manifest.goal?.metric, target: manifest.goal?.target)
        let key = keyMetric(manifest, lowerIsBetter: lowerIsBetter)
        let goal = manifest.goal.map { goal in
            GoalStatus(
                metric: goal.metric, target: goal.target,
                achieved: goal.value.map { value in "\(NumberFormat.fixed(value, decimals: 4))" + (goal.model.map { " (\($0))" } ?? "") },
                met: goal.met)
        }
        var history: [Point] = []
        if let key {
            for run in runs {
                let values = run.metrics.filter { $0.metric == key.metric && $0.value.isFinite }.map(\.value)
                guard let best = lowerIsBetter ? values.min() : values.max(), let id = run.id else { continue }
                history.append(Point(x: Double(id), y: best))
            }
            history = Array(history.suffix(historyLimit))
        }
        let statuses = manifest.directives.map(\.status)
        var links: [FooterItem] = []
        // A sweep's run listed on its own (its notebook's plain run is not in the folder) links its sweep.
        let sweep = name.range(of: "--").map { String(name[..<$0.lowerBound]) } ?? name
        for (label, file) in [("report", "\(name).html"), ("markdown", "\(name).md"), ("run.json", "\(name).run.json"),
            ("sweep", "\(sweep).sweep.html")] where files.contains(file)
        {
            links.append(FooterItem(label: label, value: file, link: file))
        }
        return SiteEntry(
            title: manifest.title ?? name, notebookPath: manifest.notebook.path, keyMetric: key, goal: goal, history: history,
            directives: SiteDirectiveCounts(
                succeeded: statuses.filter { $0 == "succeeded" }.count, failed: statuses.filter { $0 == "failed" }.count,
                skipped: statuses.filter { $0 == "skipped" }.count),
            exitCode: manifest.exitCode, files: links)
    }

    /// The goal's metric and its best value, else the best `roc_auc`, else the best `accuracy`.
    static func keyMetric(_ manifest: PublishedManifest, lowerIsBetter: Bool) -> SiteKeyMetric? {
        if let goal = manifest.goal {
            if let value = goal.value, let model = goal.model { return SiteKeyMetric(metric: goal.metric, value: value, model: model) }
            return best(goal.metric, in: manifest, lowerIsBetter: lowerIsBetter)
        }
        return best("roc_auc", in: manifest, lowerIsBetter: false) ?? best("accuracy", in: manifest, lowerIsBetter: false)
    }

    private static func best(_ metric: String, in manifest: PublishedManifest, lowerIsBetter: Bool) -> SiteKeyMetric? {
        let values = manifest.values(of: metric)
        let best = lowerIsBetter ? values.min { $0.value < $1.value } : values.max { $0.value < $1.value }
        return best.map { SiteKeyMetric(metric: metric, value: $0.value, model: $0.model) }
    }

    /// Whether smaller values of the key metric are better: an upper-bound goal, or `log_loss`.
    static func lowerIsBetter(metric: String?, target: String?) -> Bool {
        if let expression = GoalExpression(target ?? "") {
            return expression.comparison == .atMost || expression.comparison == .less
        }
        return metric == "log_loss"
    }

    /// The folder's regular, non-hidden files, sorted.
    private static func listing(_ folder: String) throws(ReportSiteError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReportSiteError("\(folder): no such folder; render notebooks into it first (labbook run NOTEBOOK --out \(folder))")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ReportSiteError("\(folder): cannot list the folder: \(error.localizedDescription)")
        }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: join(folder, name), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    private static func write(_ data: Data, to path: String) throws(ReportSiteError) -> String {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReportSiteError("\(path): cannot write the file: \(error.localizedDescription)")
        }
        return path
    }

    private static func join(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
