import Reports
import Testing

@Suite struct SiteIndexRendererTests {
    static let special = "<&>\"'|"

    static let index = SiteIndex(
        title: "Team \(special)",
        entries: [
            SiteEntry(
                title: "Income \(special)", notebookPath: "notebooks/income.md",
                keyMetric: SiteKeyMetric(metric: "roc_auc", value: 0.80715, model: "tree"),
                goal: GoalStatus(metric: "roc_auc", target: ">= 0.80", achieved: "0.8072 (tree)", met: true),
                history: [Point(x: 3, y: 0.79), Point(x: 7, y: 0.81), Point(x: 9, y: 0.80715)],
                directives: SiteDirectiveCounts(succeeded: 7, failed: 1, skipped: 2), exitCode: 1,
                files: [FooterItem(label: "report", value: "income.html", link: "income.html"),
                    FooterItem(label: "run.json", value: "income.run.json", link: "income.run.json")]),
            SiteEntry(
                title: "Zoo", notebookPath: "notebooks/zoo.md", keyMetric: nil, goal: nil, history: [],
                directives: SiteDirectiveCounts(succeeded: 3, failed: 0, skipped: 0), exitCode: 0,
                files: [FooterItem(label: "report", value: "zoo (1).html", link: "zoo (1).html")]),
        ])

    @Test func theHTMLIndexEscapesEverythingAndDrawsTheHistory() {
        let html = SiteIndexRenderer.html(Self.index)
        #expect(TagBalance.problems(in: html).isEmpty)
        #expect(html.contains("<title>Team &lt;&amp;&gt;&quot;&#39;|</title>") || html.contains("<title>Team &lt;&amp;&gt;&quot;&#x27;|</title>"))
        #expect(!html.contains(Self.special))
        #expect(html.contains("<td class=\"num\"><strong>0.8072</strong><br><span class=\"muted\">roc_auc · tree</span></td>"))
        #expect(html.contains("roc_auc &gt;= 0.80 <span class=\"badge ok\">✓ met</span>"))
        #expect(html.contains("7 ok, 1 failed, 2 skipped <span class=\"badge failed\">exit 1</span>"))
        #expect(html.contains("aria-label=\"roc_auc over runs #3–#9: 0.7900 → 0.8072\""))
        #expect(html.contains("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" points=\"3,25 60,3 117,"))
        #expect(html.contains("<span class=\"runs\">3 runs</span>"))
        #expect(html.contains("<td class=\"history\">—</td>"))
        #expect(html.contains("<p class=\"question\">2 notebooks, each as its latest run left it.</p>"))
        #expect(!html.contains("<img"))
    }

    @Test func theMarkdownIndexIsATableWithTextSparklines() {
        let markdown = SiteIndexRenderer.markdown(Self.index)
        #expect(markdown.hasPrefix("# Team <&>\"'|\n"))
        #expect(markdown.contains("| notebook | key metric | goal | history | directives | files |"))
        #expect(markdown.contains("▁█"))
        #expect(markdown.contains("[report](zoo%20%281%29.html)"))
        #expect(markdown.contains("roc_auc >= 0.80 ✅ met"))
        #expect(markdown.contains("\\|"))
    }

    @Test func anEmptyIndexIsStillAPage() {
        let html = SiteIndexRenderer.html(SiteIndex(title: "None", entries: []))
        #expect(TagBalance.problems(in: html).isEmpty)
        #expect(html.contains("0 notebooks"))
        #expect(!html.contains("<table"))
    }
}
