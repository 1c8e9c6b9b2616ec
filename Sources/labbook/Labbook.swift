import ArgumentParser

@main
struct Labbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labbook",
        abstract: "Run Markdown notebooks of ML experiments and render reproducible reports.",
        discussion: """
            A notebook is Markdown with fenced directive blocks (load, explore, train, evaluate, deploy, monitor). `labbook run` executes them in order and writes reports/NAME.html and reports/NAME.md; the same inputs always give byte-identical reports.

            Examples:
              labbook run notebooks/income.md
              labbook check notebooks/income.md
              labbook run notebooks/income.md --sweep max_depth=4,8,12
              labbook verify notebooks/income.md
              labbook watch notebooks/income.md
              labbook cache clean notebooks/income.md
              labbook runs notebooks/income.md
              labbook compare 3 5
              labbook models
              labbook models promote income-classifier 2 --alias production
              labbook predict income-classifier@production --input rows.csv --output preds.csv
              labbook serve income-classifier@production --port 8080
              labbook publish reports/ --out site/

            Exit codes: 0 success, 1 a directive failed, 2 the notebook is invalid, 3 an `expect` threshold or a deploy gate was not met, 5 the reports could not be written, 6 the Slurm executor could not run a sweep.
            """,
        subcommands: [
            RunCommand.self, CheckCommand.self, VerifyCommand.self, WatchCommand.self, CacheCommand.self, RunsCommand.self,
            ShowCommand.self, CompareCommand.self, ModelsCommand.self, PredictCommand.self, PackageCommand.self, ServeCommand.self,
            MonitorCommand.self, HealthCommand.self, PublishCommand.self,
        ])
}
