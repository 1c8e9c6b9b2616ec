import Foundation
@testable import NotebookRunner

/// A temporary folder holding a notebook and its data, removed when the test ends.
final class Sandbox {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "labbook-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + relative))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + relative)
    }

    /// Runs `notebook.md` with reports into `reports/`.
    func run(_ notebook: String = "notebook.md", overrides: [(name: String, value: String)] = []) -> RunOutcome {
        Runner.run(RunOptions(notebookPath: root + "/" + notebook, outputDirectory: root + "/reports", parameterOverrides: overrides))
    }

    /// A deterministic two-class dataset: `y` is `yes` mostly when `x` is large or `color` is red.
    static func workersCSV(rows: Int, shift: Double = 0) -> String {
        var lines = ["x,z,color,y"]
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let colors = ["red", "green", "blue"]
        for _ in 0..<rows {
            let x = (next() * 10 + shift).rounded() / 1
            let z = next()
            let color = colors[Int(next() * 3) % 3]
            let score = x / 10 + (color == "red" ? 0.4 : 0) + (next() - 0.5) * 0.6
            lines.append("\(x),\(String(format: "%.3f", z)),\(color),\(score > 0.7 ? "yes" : "no")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Lines of a notebook written inline in a test, dedented.
    static func notebook(_ lines: String...) -> String { lines.joined(separator: "\n") + "\n" }
}
