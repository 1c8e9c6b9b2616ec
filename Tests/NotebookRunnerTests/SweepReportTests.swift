import Testing
@testable import NotebookRunner
import Reports

/// The sweep's comparison report, on hand-made run outcomes.
@Suite struct SweepReportTests {
    static let sweep = Sweep(axes: [.init(name: "depth", values: ["2", "4", "8"])])

    static func run(_ depth: String, exit: Int32 = 0, _ evaluations: KeyValuePairs<String, [String: Double]>) -> SweepOutcome.Run {
        var outcome = RunOutcome(exitCode: exit, diagnostics: [], steps: [], reportPaths: [], timingNotes: [], seconds: 0)
        outcome.evaluations = evaluations.map { .init(model: $0.key, metrics: $0.value) }
        return .init(assignment: [("depth", depth)], reportName: "nb--depth=\(depth)", outcome: outcome)
    }

    /// `tree` changes with depth except its f1; `logistic` does not change at all; depth=8 failed.
    static let runs = [
        run("2", ["tree": ["roc_auc": 0.80, "accuracy": 0.70, "f1": 0.60, "log_loss": 0.30], "logistic": ["roc_auc": 0.75, "accuracy": 0.72]]),
        run("4", ["tree": ["roc_auc": 0.90, "accuracy": 0.71, "f1": 0.60, "log_loss": 0.35], "logistic": ["roc_auc": 0.75, "accuracy": 0.72]]),
        run("8", exit: 1, [:]),
    ]

    static func outputs(_ report: Report) -> [ReportOutput] {
        guard case .directive(let section)? = report.blocks.first else { return [] }
        return section.outputs
    }

    static func finding(_ report: Report) -> Finding? {
        for case .finding(let finding) in outputs(report) { return finding }
        return nil
    }

    static func table(_ report: Report) -> Table? {
        for case .table(let table) in outputs(report) { return table }
        return nil
    }

    static func chart(_ report: Report) -> Chart? {
        for case .chart(let chart) in outputs(report) { return chart }
        return nil
    }

    static func texts(_ report: Report) -> [String] {
        outputs(report).compactMap { if case .text(let text) = $0 { text } else { nil } }
    }

    static func make(_ runs: [SweepOutcome.Run], metric: String? = "roc_auc", goal: String? = nil) -> Report {
        SweepReport.make(notebookPath: "nb.md", sweep: sweep, runs: runs, goal: .init(metric: metric, target: goal))
    }

    @Test func unchangedColumnsAreDroppedAndSummarisedAndTheGoalMetricComesFirst() throws {
        let report = Self.make(Self.runs)
        let table = try #require(Self.table(report))
        #expect(table.columns.map(\.name) == ["depth", "exit", "tree roc_auc", "tree accuracy", "tree log_loss", "html", "md"])
        #expect(table.rows[0] == [.text("2"), .integer(0), .number(0.80, decimals: 4), .number(0.70, decimals: 4), .number(0.30, decimals: 4),
                                  .link("report", url: "nb--depth=2.html"), .link("report", url: "nb--depth=2.md")])
        #expect(table.rows[2][2] == .missing)
        #expect(Self.texts(report) == ["Unchanged in every run: `tree` f1 0.6000; `logistic` (all metrics)."])
        let markdown = MarkdownRenderer.render(report)
        #expect(markdown.contains("| depth | exit | tree roc_auc | tree accuracy | tree log_loss | html | md |"))
        #expect(markdown.contains("Unchanged in every run: `tree` f1 0.6000; `logistic` (all metrics)."))
    }

    @Test func onlyChangingValuesAreHighlightedSmallerIsBetterForLosses() throws {
        let table = try #require(Self.table(Self.make(Self.runs)))
        #expect(table.highlightedCells == [
            CellPosition(row: 1, column: 2), CellPosition(row: 1, column: 3), CellPosition(row: 0, column: 4),
        ])
        // A column that changes only because one run did not measure it has nothing to bold.
        let partial = [
            Self.run("2", ["tree": ["roc_auc": 0.8, "recall": 0.5]]), Self.run("4", ["tree": ["roc_auc": 0.9]]),
            Self.run("8", ["tree": ["roc_auc": 0.7, "recall": 0.5]]),
        ]
        let other = try #require(Self.table(Self.make(partial)))
        #expect(other.columns.map(\.name) == ["depth", "exit", "tree roc_auc", "tree recall", "html", "md"])
        #expect(other.highlightedCells == [CellPosition(row: 1, column: 2)])
    }

    @Test func theBestRunIsNamedAndLinkedWithTheGoal() throws {
        let met = Self.make(Self.runs, goal: ">= 0.85")
        #expect(Self.finding(met) == Finding(
            label: "Best", subject: "nb--depth=4", link: "nb--depth=4.html", markdownLink: "nb--depth=4.md",
            detail: "tree roc_auc 0.9000 (goal >= 0.85 met)"))
        #expect(met.goal == GoalStatus(metric: "roc_auc", target: ">= 0.85", achieved: "0.9000 (tree, nb--depth=4)", met: true))
        #expect(MarkdownRenderer.render(met).contains(
            "**Best:** [`nb--depth=4`](nb--depth=4.md) — tree roc_auc 0.9000 (goal >= 0.85 met)"))
        #expect(HTMLRenderer.render(met).contains(
            "<p class=\"text finding\"><strong>Best:</strong> <a href=\"nb--depth=4.html\"><code>nb--depth=4</code></a> — tree roc_auc 0.9000 (goal &gt;= 0.85 met)</p>"))

        let notMet = Self.make(Self.runs, goal: ">= 0.95")
        #expect(Self.finding(notMet)?.detail == "tree roc_auc 0.9000 (goal >= 0.95 not met)")
        #expect(notMet.goal?.met == false)

        let noGoal = Self.make(Self.runs)
        #expect(Self.finding(noGoal)?.detail == "tree roc_auc 0.9000")
        #expect(noGoal.goal == nil)
    }

    @Test func aLowerIsBetterGoalMetricPicksTheSmallestAndTheBestModelOfEachRunCounts() {
        let losses = Self.make(Self.runs, metric: "log_loss", goal: "<= 0.32")
        #expect(Self.finding(losses)?.subject == "nb--depth=2")
        #expect(Self.finding(losses)?.detail == "tree log_loss 0.3000 (goal <= 0.32 met)")
        // depth=2's best model is logistic (0.85 > 0.80); depth=4's is tree (0.84): depth=2 wins.
        let both = Self.make([
            Self.run("2", ["tree": ["roc_auc": 0.80], "logistic": ["roc_auc": 0.85]]),
            Self.run("4", ["tree": ["roc_auc": 0.84], "logistic": ["roc_auc": 0.70]]),
        ])
        #expect(Self.finding(both)?.subject == "nb--depth=2")
        #expect(Self.finding(both)?.detail == "logistic roc_auc 0.8500")
    }

    @Test func tiesGoToTheFirstRunInSweepOrder() {
        let tied = Self.make([
            Self.run("2", ["tree": ["roc_auc": 0.80, "f1": 0.5]]), Self.run("4", ["tree": ["roc_auc": 0.90, "f1": 0.6]]),
            Self.run("8", ["tree": ["roc_auc": 0.90, "f1": 0.7]]),
        ], goal: ">= 0.9")
        #expect(Self.finding(tied)?.subject == "nb--depth=4")
        #expect(Self.finding(tied)?.detail == "tree roc_auc 0.9000 (goal >= 0.9 met); tied by 1 later run")
    }

    @Test func aChartShowsTheGoalMetricPerRunAndPerModelWhenSeveralChange() throws {
        let one = try #require(Self.chart(Self.make(Self.runs)))
        #expect(one == Chart(
            title: "`roc_auc` of `tree` by run", kind: .bars([Bar(label: "2", value: 0.80), Bar(label: "4", value: 0.90)]),
            xLabel: "roc_auc", yLabel: "depth"))
        let several = try #require(Self.chart(Self.make([
            Self.run("2", ["tree": ["roc_auc": 0.80], "logistic": ["roc_auc": 0.85]]),
            Self.run("4", ["tree": ["roc_auc": 0.84], "logistic": ["roc_auc": 0.70]]),
        ])))
        #expect(several.title == "`roc_auc` by run and model")
        #expect(several.kind == .bars([
            Bar(label: "2 · tree", value: 0.80), Bar(label: "2 · logistic", value: 0.85),
            Bar(label: "4 · tree", value: 0.84), Bar(label: "4 · logistic", value: 0.70),
        ]))
        let markdown = MarkdownRenderer.render(Self.make(Self.runs))
        #expect(markdown.contains("**`roc_auc` of `tree` by run**\n\n```text\n"))
        #expect(HTMLRenderer.render(Self.make(Self.runs)).contains("<svg"))
    }

    @Test func withoutAGoalMetricNoBestRunOrChart() {
        let report = Self.make(Self.runs, metric: nil)
        #expect(Self.finding(report) == nil)
        #expect(Self.chart(report) == nil)
        #expect(Self.texts(report).first == "No best run is named: the notebook's front matter sets no `metric`.")
        let unmeasured = Self.make(Self.runs, metric: "r2", goal: ">= 0.5")
        #expect(Self.texts(unmeasured).first == "No best run is named: no run measured `r2`.")
        #expect(unmeasured.goal == GoalStatus(metric: "r2", target: ">= 0.5"))
    }

    @Test func aSingleMeasuredRunKeepsEveryColumn() throws {
        let report = Self.make([Self.run("2", ["tree": ["roc_auc": 0.8, "f1": 0.5]])])
        #expect(try #require(Self.table(report)).columns.map(\.name) == ["depth", "exit", "tree roc_auc", "tree f1", "html", "md"])
        #expect(Self.texts(report).isEmpty)
    }
}
