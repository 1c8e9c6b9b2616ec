import Foundation

/// One Slurm command-line tool (`sbatch`, `squeue`), found on `PATH` and run to completion.
struct SlurmTool {
    /// What the tool printed and how it exited.
    struct Result {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    let name: String
    let path: String

    /// The tool on `PATH`; `nil` when it is not there.
    init?(_ name: String, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        let folders = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        guard let found = folders.map({ ($0 as NSString).appendingPathComponent(name) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        self.name = name
        path = found
    }

    /// Runs the tool with `arguments`; stderr goes to a temporary file so neither pipe can fill up.
    func run(_ arguments: [String]) throws(SweepExecutorError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errorPath = NSTemporaryDirectory() + "labbook-\(name)-\(UUID().uuidString).err"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
            defer { try? errors.close() }
            process.standardError = errors
            try process.run()
        } catch {
            throw SweepExecutorError("cannot run `\(path)`: \(error.localizedDescription)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, output: text, errorOutput: errorText)
    }
}
