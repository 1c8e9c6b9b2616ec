import Foundation
import Testing
@testable import NotebookRunner
import Reports
import RunStorage

/// `labbook publish`: the site's index from real runs, their manifests and the run store.
@Suite struct ReportSiteTests {
    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write(Sandbox.workersCSV(rows: 300), to: "data/workers.csv")
        try sandbox.write(SweepTests.notebook, to: "notebook.md")
        return sandbox
    }

    func store(_ sandbox: Sandbox) throws -> RunStore {
        try RunStore(path: sandbox.root + "/.labbook/labbook.sqlite")
    }

    func publish(_ sandbox: Sandbox, out: String = "site", store: RunStore?) throws -> ReportSite.Outcome {
        try ReportSite.publish(reports: sandbox.root + "/reports", out: sandbox.root + "/" + out) { path in
            (try? store?.runs(notebook: path)) ?? []
        }
    }

    @Test func theIndexListsTheLatestRunWithItsGoalHistoryAndFiles() throws {
        let sandbox = try sandbox()
        #expect(sandbox.run(overrides: [("depth", "1")]).exitCode == 0)
        #expect(sandbox.run(overrides: [("depth", "4")]).exitCode == 0)
        let sweep = Runner.sweep(
            RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports"),
            sweep: try Sweep(arguments: ["depth=2,3"]))
        #expect(sweep.exitCode == 0)
        #expect(sandbox.run(overrides: [("depth", "4")]).exitCode == 0)
        let store = try store(sandbox)
        let outcome = try publish(sandbox, store: store)

        // The sweep's runs are not listed on their own: their notebook's plain run is there.
        #expect(outcome.index.entries.count == 1)
        let entry = try #require(outcome.index.entries.first)
        #expect(entry.title == "notebook")
        #expect(entry.files.map(\.label) == ["report", "markdown", "run.json", "sweep"])
        #expect(entry.files.map { $0.link ?? "" } == ["notebook.html", "notebook.md", "notebook.run.json", "notebook.sweep.html"])
        let manifest = try JSONSerialization.jsonObject(with: Data(try sandbox.read("reports/notebook.run.json").utf8)) as? [String: Any]
        let goal = try #require(manifest?["goal"] as? [String: Any])
        #expect(goal["metric"] as? String == "roc_auc" && goal["target"] as? String == ">= 0.6")
        let value = try #require(goal["value"] as? Double)
        // (JSONSerialization may read the last digit differently; the index reads it exactly.)
        let key = try #require(entry.keyMetric)
        #expect(key.metric == "roc_auc" && key.model == goal["model"] as? String && abs(key.value - value) < 1e-12)
        #expect(entry.goal?.met == (value >= 0.6))
        #expect(entry.directives == SiteDirectiveCounts(succeeded: 5, failed: 0, skipped: 0))

        // Five recorded runs of the notebook (two sweep runs among them), by run number.
        let runs = try store.runs(notebook: entry.notebookPath)
        #expect(runs.count == 5)
        #expect(entry.history.map(\.x) == runs.compactMap(\.id).map(Double.init))
        #expect(entry.history.last?.y == key.value)

        // Every report file is copied beside the index, so the reports' own links work.
        let site = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/site").sorted()
        let reports = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/reports").sorted()
        #expect(site == (reports + ["index.html", "index.md"]).sorted())
        #expect(try sandbox.read("site/notebook.html") == sandbox.read("reports/notebook.html"))

        let html = try sandbox.read("site/index.html")
        #expect(html.contains("<a href=\"notebook.html\">notebook</a>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\""))
        #expect(html.contains("<span class=\"runs\">5 runs</span>"))
        #expect(html.contains("<a href=\"notebook.sweep.html\">sweep</a>"))
        #expect(!html.contains(sandbox.root))
        let markdown = try sandbox.read("site/index.md")
        #expect(markdown.contains("| [notebook](notebook.html)<br>"))
        #expect(markdown.contains("[sweep](notebook.sweep.html)"))

        // Publishing again gives the same bytes.
        try FileManager.default.removeItem(atPath: sandbox.root + "/site")
        _ = try publish(sandbox, store: store)
        #expect(try sandbox.read("site/index.html") == html)
    }

    @Test func withoutAStoreThereIsNoHistoryAndASweepAloneListsItsRuns() throws {
        let sandbox = try sandbox()
        let sweep = Runner.sweep(
            RunOptions(notebookPath: sandbox.root + "/notebook.md", outputDirectory: sandbox.root + "/reports"),
            sweep: try Sweep(arguments: ["depth=2,3"]))
        #expect(sweep.exitCode == 0)
        let outcome = try publish(sandbox, store: nil)
        #expect(outcome.index.entries.map(\.files.first?.link) == ["notebook--depth=2.html", "notebook--depth=3.html"])
        #expect(outcome.index.entries.allSatisfy { $0.history.isEmpty && $0.files.last?.link == "notebook.sweep.html" })
        #expect(try sandbox.read("site/index.html").contains("<td class=\"history\">—</td>"))
    }

    @Test func publishingIntoTheReportsFolderWritesOnlyTheIndex() throws {
        let sandbox = try sandbox()
        #expect(sandbox.run().exitCode == 0)
        let outcome = try publish(sandbox, out: "reports", store: nil)
        #expect(outcome.written.map { ($0 as NSString).lastPathComponent } == ["index.html", "index.md"])
    }

    @Test func badInputIsAnErrorNamingTheFile() throws {
        let sandbox = try sandbox()
        #expect(throws: ReportSiteError.self) { try publish(sandbox, store: nil) }
        do {
            _ = try publish(sandbox, store: nil)
        } catch {
            #expect("\(error)".hasSuffix("/reports: no such folder; render notebooks into it first (labbook run NOTEBOOK --out \(sandbox.root)/reports)"))
        }
        try FileManager.default.createDirectory(atPath: sandbox.root + "/reports", withIntermediateDirectories: true)
        try sandbox.write("{\"format_version\": 1}", to: "reports/broken.run.json")
        do {
            _ = try publish(sandbox, store: nil)
            Issue.record("a manifest without fields was accepted")
        } catch {
            #expect("\(error)" == "\(sandbox.root)/reports/broken.run.json: not a Labbook run manifest: no `notebook`")
        }
        try sandbox.write("not json", to: "reports/broken.run.json")
        do {
            _ = try publish(sandbox, store: nil)
            Issue.record("a manifest that is not JSON was accepted")
        } catch {
            #expect("\(error)" == "\(sandbox.root)/reports/broken.run.json: not a Labbook run manifest: it is not valid JSON")
        }
        try FileManager.default.removeItem(atPath: sandbox.root + "/reports/broken.run.json")
        try sandbox.write("<p>mine</p>", to: "reports/index.html")
        do {
            _ = try publish(sandbox, store: nil)
            Issue.record("a report folder's own index.html would have been replaced")
        } catch {
            #expect("\(error)".contains("reports/index.html: the site's index would replace it"))
        }
        #expect(!sandbox.exists("site"))
    }
}
