/// The batch script of a sweep's job array: task `i` runs `labbook` with the `i`-th argument
/// list, then records its exit status in `DIR/i.status`.
///
/// The argument lists are in the script itself, one quoted bash array per index, chosen by
/// `$SLURM_ARRAY_TASK_ID`. A test-only fault injection runs first: when the environment sets
/// `LABBOOK_SLURM_FAULTS` to a folder, task `i` exits with status 70 before running anything
/// if `fail-always-i` is in it, or if `fail-once-i` is (which it removes: the retry succeeds).
struct SlurmArrayScript: Equatable {
    /// The `labbook` executable every task runs (an absolute path).
    var labbook: String
    /// The folder of the results, statuses and logs (an absolute path).
    var workDirectory: String
    /// Task `i`'s arguments (``SlurmTaskArguments``).
    var tasks: [[String]]
    /// The script's second line, saying what the array does.
    var comment = "A labbook sweep: array task i runs one parameter set. Written by labbook run --executor slurm."

    /// The exit status of a task stopped by fault injection.
    static let injectedFaultStatus: Int32 = 70

    var text: String {
        var lines = [
            "#!/usr/bin/env bash",
            "# " + comment,
            "set -u",
            "labbook=\(ShellQuote.quote(labbook))",
            "work=\(ShellQuote.quote(workDirectory))",
            "i=\"${SLURM_ARRAY_TASK_ID:?labbook: not started as a Slurm array task}\"",
            "case \"$i\" in",
        ]
        for (index, arguments) in tasks.enumerated() {
            lines.append("\(index)) arguments=(\(ShellQuote.join(arguments))) ;;")
        }
        lines += [
            "*) echo \"labbook: this array has no task $i\" >&2; exit 64 ;;",
            "esac",
            "# Test-only fault injection (README: Running sweeps and search trials on Slurm).",
            "if [ -n \"${LABBOOK_SLURM_FAULTS:-}\" ]; then",
            "    if [ -e \"$LABBOOK_SLURM_FAULTS/fail-always-$i\" ]; then",
            "        echo \"labbook: injected fault in task $i\" >&2; echo \(Self.injectedFaultStatus) >\"$work/$i.status\"; exit \(Self.injectedFaultStatus)",
            "    fi",
            "    if [ -e \"$LABBOOK_SLURM_FAULTS/fail-once-$i\" ]; then",
            "        rm -f \"$LABBOOK_SLURM_FAULTS/fail-once-$i\"",
            "        echo \"labbook: injected fault in task $i\" >&2; echo \(Self.injectedFaultStatus) >\"$work/$i.status\"; exit \(Self.injectedFaultStatus)",
            "    fi",
            "fi",
            "\"$labbook\" \"${arguments[@]}\"",
            "status=$?",
            "echo \"$status\" >\"$work/$i.status\"",
            "exit \"$status\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
