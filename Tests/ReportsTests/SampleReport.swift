import Reports

/// A representative report: prose with a link, a succeeded directive with
/// every kind of output, a failed one and a skipped one. Every text field
/// carries the HTML special characters `<&>"'` to prove they are escaped.
enum SampleReport {
    static let special = "<&>\"'"

    static let report = Report(
        title: "Who earns more than 50K? \(special)",
        question: "Can we tell high from low earners from census attributes? \(special)",
        goal: GoalStatus(metric: "roc_auc", target: ">= 0.85", achieved: "0.8712 (tree) \(special)", met: true),
        blocks: [
            .prose(
                Prose(
                    html: """
                        <p>We use the <a href="https://archive.ics.uci.edu/dataset/2/adult">UCI Adult</a> data set. \
                        Special characters: &lt;&amp;&gt;&quot;'</p>
                        """,
                    markdown: """
                        We use the [UCI Adult](https://archive.ics.uci.edu/dataset/2/adult) data set.
                        Special characters: \\<&>"'
                        """)),
            .directive(train),
            .prose(
                Prose(
                    html: "<h2>What went wrong</h2>\n<h3>Failures &amp; skips</h3>\n",
                    markdown: "## What went wrong\n\n### Failures & skips\n",
                    headings: [
                        ProseHeading(level: 2, text: "What went wrong", htmlOffset: 0),
                        ProseHeading(level: 3, text: "Failures & skips", htmlOffset: 25),
                    ])),
            .directive(failed),
            .directive(skipped),
        ],
        footer: ReportFooter(items: [
            FooterItem(label: "data census.csv \(special)", value: "sha256:9f86d081884c7d65 \(special)"),
            FooterItem(label: "seed", value: "42"),
            FooterItem(label: "engine", value: "labbook 0.1.0"),
        ])
    )

    static let train = DirectiveSection(
        kind: "train",
        name: "tree \(special)",
        source: """
            ```train
            name: tree
            data: census
            model: decision_tree
            params: {max_depth: 8}   # note: "quotes" & <angles>
            ```
            """,
        location: "notebooks/income \(special).md:42",
        status: .succeeded,
        outputs: [
            .table(
                Table(
                    title: "Models on `census.test` \(special)",
                    columns: [
                        TableColumn("model \(special)"),
                        TableColumn("rows", alignment: .right),
                        TableColumn("roc_auc", alignment: .right),
                        TableColumn("share", alignment: .right),
                    ],
                    rows: [
                        [.text("tree | pruned \(special)"), .integer(28155), .number(0.87123, decimals: 4), .percent(0.5, decimals: 1)],
                        [.text("logistic"), .integer(28155), .number(0.84, decimals: 4), .missing],
                    ],
                    highlightedRow: 0)),
            .chart(
                Chart(
                    title: "Distribution of `age` \(special)",
                    kind: .bars([
                        Bar(label: "17–30 \(special)", value: 9500),
                        Bar(label: "30–45", value: 12000),
                        Bar(label: "45–60", value: 7200),
                        Bar(label: "60–90", value: 1861),
                    ]),
                    xLabel: "rows \(special)",
                    yLabel: "age \(special)")),
            .chart(
                Chart(
                    title: "ROC curve \(special)",
                    kind: .lines([
                        .diagonal(name: "chance \(special)"),
                        Series(
                            name: "tree \(special)",
                            points: [
                                Point(x: 0, y: 0), Point(x: 0.1, y: 0.55), Point(x: 0.2, y: 0.75),
                                Point(x: 0.4, y: 0.9), Point(x: 1, y: 1),
                            ]),
                        Series(
                            name: "logistic",
                            points: [Point(x: 0, y: 0), Point(x: 0.2, y: 0.6), Point(x: 0.5, y: 0.85), Point(x: 1, y: 1)]),
                    ]),
                    xLabel: "false positive rate \(special)",
                    yLabel: "true positive rate \(special)")),
            .chart(
                Chart(
                    title: "Confusion matrix \(special)",
                    kind: .heatmap(
                        rowLabels: ["<=50K \(special)", ">50K"],
                        columnLabels: ["<=50K \(special)", ">50K"],
                        values: [[4500, 300], [420, 1200]]),
                    xLabel: "predicted \(special)",
                    yLabel: "actual \(special)")),
            .metrics(
                MetricGroup(
                    title: "tree \(special)",
                    metrics: [
                        Metric(name: "roc_auc \(special)", value: 0.87123, decimals: 4, goal: ">= 0.85 \(special)", passed: true),
                        Metric(name: "accuracy", value: 0.8412, decimals: 4, goal: ">= 0.9", passed: false),
                        Metric(name: "f1", value: 0.6, decimals: 3),
                    ])),
            .text("Trained in 1.2 s on `census.train`.\nDepth limited by max_depth \(special)."),
            .note(Note(level: .warning, message: "12 rows with missing age were dropped \(special)")),
        ])

    static let failed = DirectiveSection(
        kind: "evaluate",
        name: "boosted \(special)",
        source: """
            ```evaluate
            models: [boosted]
            metrics: [roc_auc]
            ```
            """,
        location: "notebooks/income.md:60",
        status: .failed(
            """
            notebooks/income.md:61:10: error: unknown model 'boosted' \(special)
            models: [boosted]
                     ^
            did you mean 'tree'?
            """),
        outputs: [])

    static let skipped = DirectiveSection(
        kind: "deploy",
        name: nil,
        source: "```deploy\nmodel: boosted\n```",
        location: "notebooks/income.md:66",
        status: .skipped("depends on `boosted`, which failed \(special)"),
        outputs: [.note(Note(level: .info, "nothing was deployed \(special)"))])
}
