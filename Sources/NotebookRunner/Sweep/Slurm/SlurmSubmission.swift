/// The `sbatch` command line that submits (part of) a sweep's job array.
struct SlurmSubmission: Equatable {
    var script: String
    var workingDirectory: String
    var jobName: String
    var partition: String?
    var maxParallel: Int?
    /// Test-only fault injection folder, exported to the tasks as `LABBOOK_SLURM_FAULTS`.
    var faultDirectory: String?

    /// `--parsable --array=… --job-name=… --chdir=… --output=LOG [--partition=P] --export=ALL[,…] SCRIPT`.
    func arguments(indices: [Int], log: String) -> [String] {
        var arguments = [
            "--parsable", "--array=" + Self.arraySpec(indices, maxParallel: maxParallel), "--job-name=" + jobName,
            "--chdir=" + workingDirectory, "--output=" + log,
        ]
        if let partition { arguments.append("--partition=" + partition) }
        arguments.append("--export=ALL" + (faultDirectory.map { ",LABBOOK_SLURM_FAULTS=" + $0 } ?? ""))
        arguments.append(script)
        return arguments
    }

    /// `0-3`, `1,4-6,9`, with `%N` when at most N may run at once.
    static func arraySpec(_ indices: [Int], maxParallel: Int?) -> String {
        var ranges: [String] = []
        var index = 0
        let sorted = indices.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            ranges.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return ranges.joined(separator: ",") + (maxParallel.map { "%\($0)" } ?? "")
    }

    /// The job id `sbatch --parsable` printed (`1234` or `1234;cluster`); `nil` when it printed none.
    static func jobID(parsable output: String) -> String? {
        let line = output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        let id = line.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        return !id.isEmpty && id.allSatisfy(\.isNumber) ? id : nil
    }
}
