import Foundation
import Testing

/// Whether a Slurm cluster answers here (scripts/start-slurm.sh starts a single-node one).
enum SlurmCluster {
    static let skipMessage: Comment =
        "needs a running Slurm cluster: `sbatch` on PATH and `sinfo` reaching a controller (start one with scripts/start-slurm.sh) and the built .build/debug/labbook"

    /// `sbatch` is on PATH, `sinfo` reaches a controller that lists a node, and the labbook binary is built.
    static let isAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: RunStoreIntegrationTests.labbook) else { return false }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/sbatch") }) else {
            return false
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sinfo", "-h", "-o", "%T"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 && !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }()
}
