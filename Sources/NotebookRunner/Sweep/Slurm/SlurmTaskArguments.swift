/// The `labbook run …` arguments one array task runs: the same run `Runner.run(options)`
/// would make in this process, plus where to write its result for the submitting process.
enum SlurmTaskArguments {
    /// `run NB --out DIR --report-name NAME --result-file PATH [--state …] [--store …] -p …`.
    /// Relative paths stay relative: every task starts in the submitting process's folder.
    static func make(_ options: RunOptions, resultFile: String) -> [String] {
        var arguments = ["run", options.notebookPath, "--out", options.outputDirectory]
        if let name = options.reportName { arguments += ["--report-name", name] }
        arguments += ["--result-file", resultFile]
        return arguments + shared(options)
    }

    /// `run NB --trial-of NAME --trial-requests FILE --trial-index I --result-file PATH [--state …] -p …`:
    /// one trial of a search, scored by a task that writes no report and records no run.
    static func trial(_ options: RunOptions, task: SearchTrialTask) -> [String] {
        [
            "run", options.notebookPath, "--trial-of", task.directive, "--trial-requests", task.requestsFile,
            "--trial-index", String(task.index), "--result-file", task.resultFile,
        ] + shared(options)
    }

    /// The options every task shares with the submitting run.
    private static func shared(_ options: RunOptions) -> [String] {
        var arguments: [String] = []
        if let state = options.stateDirectory { arguments += ["--state", state] }
        if let store = options.storePath { arguments += ["--store", store] }
        if let file = options.parameterFile { arguments += ["--params", file] }
        for (name, value) in options.parameterOverrides { arguments += ["-p", "\(name)=\(value)"] }
        for path in options.allowedReads { arguments += ["--allow-read", path] }
        if options.reportTimings { arguments.append("--timings") }
        if !options.useCache { arguments.append("--no-cache") }
        if let seconds = options.directiveTimeout { arguments += ["--timeout", "\(seconds)"] }
        if let seconds = options.runTimeout { arguments += ["--run-timeout", "\(seconds)"] }
        return arguments
    }
}
