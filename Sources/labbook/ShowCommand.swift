import ArgumentParser
import Foundation
import RunStorage

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything recorded for one run.",
        discussion: """
            Prints the run's notebook and hash, parameters, seed, machine, every directive (status, time, peak memory, cache key), data fingerprints, metrics, deployed model versions and drift verdicts.

            Examples:
              labbook show 3
              labbook show 3 --store notebooks/.labbook/labbook.sqlite
              labbook show 3 --store postgres://labbook:secret@db.internal:5432/labbook
            """)

    @Argument(help: ArgumentHelp("The run's id (see `labbook runs`).", valueName: "run"))
    var id: Int64

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        guard let record = try store.run(id: id) else {
            throw StoreFailure("no run \(id) in \(store.location); `labbook runs` lists them")
        }
        print(ShowCommand.describe(record))
    }

    static func describe(_ run: RunRecord) -> String {
        var sections: [String] = []
        let facts: [[String]] = [
            ["run", String(run.id ?? 0)],
            ["notebook", "\(run.notebookPath) (\(run.notebookHash))"],
            ["status", run.status.rawValue + (run.exitCode.map { ", exit code \($0)" } ?? "")],
            ["started", RunText.when(run.startedAt)],
            ["ended", run.endedAt.map(RunText.when) ?? "—"],
            ["seconds", RunText.seconds(run.seconds)],
            ["seed", String(run.seed)],
            ["key metric", run.keyMetric ?? "—"],
            ["engine", run.engineVersion],
            ["machine", "\(run.machine.osName) \(run.machine.osVersion), \(run.machine.cpuCount) CPUs"],
            ["process", String(run.process.pid)],
        ]
        sections.append(TextTable(columns: ["Run", ""], rows: facts).render())
        if !run.parameters.isEmpty {
            sections.append(TextTable(columns: ["Parameter", "value"], rows: run.parameters.map { [$0.name, $0.value] }).render())
        }
        if !run.steps.isEmpty {
            sections.append(
                TextTable(
                    columns: ["#", "directive", "status", "seconds", "peak MiB", "cache key"], rightAligned: [0, 3, 4],
                    rows: run.steps.map { step in
                        [
                            String(step.position), step.kind + (step.label.map { " " + $0 } ?? ""), step.status.rawValue,
                            String(format: "%.3f", step.seconds),
                            String(format: "%.1f", Double(step.peakMemoryBytes) / 1_048_576), step.cacheKey ?? "—",
                        ]
                    }
                ).render())
            let messages = run.steps.compactMap { step in step.message.map { "  #\(step.position): \($0)" } }
            if !messages.isEmpty { sections.append("Messages\n" + messages.joined(separator: "\n")) }
        }
        if !run.inputs.isEmpty {
            sections.append(TextTable(columns: ["Input", "fingerprint"], rows: run.inputs.map { [$0.path, $0.fingerprint] }).render())
        }
        if !run.metrics.isEmpty {
            sections.append(
                TextTable(
                    columns: ["Model", "data", "metric", "value"], rightAligned: [3],
                    rows: run.metrics.map { [$0.model, $0.dataset, $0.metric, String(format: "%.4f", $0.value)] }
                ).render())
        }
        if !run.deployments.isEmpty {
            sections.append(
                TextTable(columns: ["Deployed", "version"], rightAligned: [1], rows: run.deployments.map { [$0.name, String($0.version)] })
                    .render())
        }
        if !run.driftVerdicts.isEmpty {
            sections.append(
                TextTable(
                    columns: ["Monitored", "reference", "drifted", "share", "drifted features"],
                    rows: run.driftVerdicts.map {
                        [
                            $0.current, $0.reference, $0.drifted ? "yes" : "no", String(format: "%.0f%%", $0.driftedShare * 100),
                            $0.driftedFeatures.joined(separator: ", "),
                        ]
                    }
                ).render())
        }
        return sections.joined(separator: "\n\n")
    }
}
