import Reports
import Testing

@Suite("MarkdownRenderer")
struct MarkdownRendererTests {
    let markdown = MarkdownRenderer.render(SampleReport.report)

    @Test("no trailing spaces; exactly one final newline")
    func whitespace() {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        #expect(markdown.hasSuffix("\n") && !markdown.hasSuffix("\n\n"))
    }

    @Test("the source fence is longer than any backtick run inside it")
    func fence() {
        #expect(markdown.contains("````markdown\n```train\n"))
        let nasty = DirectiveSection(kind: "load", source: "`````load\nx: 1\n`````", location: "nb.md:1")
        let rendered = MarkdownRenderer.render(Report(title: "t", blocks: [.directive(nasty)]))
        #expect(rendered.contains("``````markdown\n`````load\nx: 1\n`````\n``````\n"))
    }

    @Test("goal line: met, not met, not measured")
    func goal() {
        func line(_ met: Bool?, _ achieved: String?) -> String {
            let report = Report(title: "t", goal: GoalStatus(metric: "roc_auc", target: ">= 0.85", achieved: achieved, met: met))
            return String(MarkdownRenderer.render(report).split(separator: "\n")[1])
        }
        #expect(line(true, "0.8712 (tree)") == "**Goal:** roc_auc >= 0.85 — ✅ met: 0.8712 (tree)")
        #expect(line(false, "0.8012 (tree)") == "**Goal:** roc_auc >= 0.85 — ❌ not met: 0.8012 (tree)")
        #expect(line(nil, nil) == "**Goal:** roc_auc >= 0.85 — not measured")
    }

    @Test("prose is verbatim; numbers right-aligned; failures prominent")
    func content() {
        #expect(markdown.contains("We use the [UCI Adult](https://archive.ics.uci.edu/dataset/2/adult) data set.\n"))
        #expect(markdown.contains("| --- | ---: | ---: | ---: |"))
        #expect(markdown.contains("#### ▸ evaluate · boosted <&>\"' — ❌ failed"))
        #expect(markdown.contains("> **Error:**\n>\n> ```text\n> notebooks/income.md:61:10:"))
        #expect(markdown.contains("#### ▸ deploy — ⏭️ skipped"))
        #expect(markdown.contains("> **Skipped:** depends on `boosted`, which failed <&>\"'"))
        #expect(markdown.contains("\n---\n\n- **data census.csv <&>\"':** sha256:9f86d081884c7d65 <&>\"'\n- **seed:** 42\n"))
    }
}
