import Foundation
import NotebookFormat

/// What one run of a sweep executed elsewhere (a Slurm array task) hands back: everything the
/// comparison report and the terminal summary read from its ``RunOutcome``.
///
/// `labbook run --result-file PATH` writes it as JSON once the run is over (atomically, so a
/// task killed midway leaves no file); the submitting process reads it back with
/// ``read(from:)``. Metric values are stored as Swift's shortest round-tripping text, so they
/// come back bit for bit (`nan` included) and the report is the one the local executor writes.
public struct SweepTaskResult: Codable, Sendable, Equatable {
    /// One `evaluate` result: the model and its metrics as text (`"0.8431"`, `"nan"`).
    struct Evaluation: Codable, Sendable, Equatable {
        var model: String
        var metrics: [String: String]
    }

    /// One directive's fate, for the terminal summary.
    struct Step: Codable, Sendable, Equatable {
        var kind: String
        var label: String?
        var location: String
        var status: String
        var seconds: Double
        var message: String?
    }

    /// One diagnostic, for the terminal (its location is not kept).
    struct Problem: Codable, Sendable, Equatable {
        var file: String
        var message: String
        var hint: String?
    }

    var exitCode: Int32
    var evaluations: [Evaluation]
    var steps: [Step]
    var diagnostics: [Problem]
    var reportPaths: [String]
    var seconds: Double

    /// The parts of `outcome` the submitting process needs.
    public init(_ outcome: RunOutcome) {
        exitCode = outcome.exitCode
        evaluations = outcome.evaluations.map { evaluation in
            Evaluation(model: evaluation.model, metrics: evaluation.metrics.mapValues { "\($0)" })
        }
        steps = outcome.steps.map { step in
            Step(
                kind: step.kind, label: step.label, location: step.location, status: step.status.rawValue, seconds: step.seconds,
                message: step.failure?.headline ?? step.message)
        }
        diagnostics = outcome.diagnostics.map { Problem(file: $0.file, message: $0.message, hint: $0.hint) }
        reportPaths = outcome.reportPaths
        seconds = outcome.seconds
    }

    /// The outcome as the comparison report and the terminal read it.
    public var outcome: RunOutcome {
        var outcome = RunOutcome(
            exitCode: exitCode,
            diagnostics: diagnostics.map { Diagnostic(file: $0.file, location: nil, message: $0.message, hint: $0.hint) },
            steps: steps.map { step in
                RunOutcome.Step(
                    kind: step.kind, label: step.label, location: step.location,
                    status: RunOutcome.Step.Status(rawValue: step.status) ?? .failed, seconds: step.seconds, message: step.message)
            },
            reportPaths: reportPaths, timingNotes: [], seconds: seconds)
        outcome.evaluations = evaluations.map { evaluation in
            RunOutcome.Evaluation(model: evaluation.model, metrics: evaluation.metrics.compactMapValues { Double($0) })
        }
        return outcome
    }

    /// Writes the result as JSON to `path` (a temporary file renamed into place).
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The result at `path`; `nil` when there is none or it cannot be read (the task did not finish).
    public static func read(from path: String) -> SweepTaskResult? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(SweepTaskResult.self, from: data)
    }
}
