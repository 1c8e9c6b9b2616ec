import ArgumentParser
import NotebookRunner

/// The options every command that reads a notebook shares: parameter overrides, a parameter
/// file and extra folders it may read.
struct NotebookInputOptions: ParsableArguments {
    @Option(name: .customShort("p"), help: ArgumentHelp("Override a front-matter parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .long, help: ArgumentHelp("A YAML file of parameter values (-p wins over it).", valueName: "file.yaml"))
    var params: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also let the notebook read data from this file or folder (repeatable); by default it reads only inside its own folder.",
            valueName: "path"))
    var allowRead: [String] = []

    /// The `-p` overrides, checked.
    func overrides() throws -> [(name: String, value: String)] {
        try ParameterArgument.parse(parameters)
    }

    /// Sets the parameter file and read scope of `options`.
    func apply(to options: inout RunOptions) {
        options.parameterFile = params
        options.allowedReads = allowRead
    }
}
