import Foundation
import MLEngine

/// The files through which a search's trials are scored in other processes (Slurm array
/// tasks): the batch of requests the submitting process writes, and the one result per trial
/// each task writes back.
///
/// Numbers travel as Swift's shortest round-tripping text (`"0.1"`, `"nan"`) and parameter
/// values keep their type (`2.0` stays a `double`), so a score comes back bit for bit and the
/// search proposes exactly what it would have proposed scoring the trials itself.
enum SearchTrialWire {
    /// One parameter value with its type.
    struct Value: Codable, Equatable {
        var type: String
        var value: String

        init(_ parameter: ParameterValue) {
            switch parameter {
            case .int(let number): (type, value) = ("int", String(number))
            case .double(let number): (type, value) = ("double", "\(number)")
            case .string(let text): (type, value) = ("string", text)
            case .bool(let flag): (type, value) = ("bool", flag ? "true" : "false")
            }
        }

        var parameter: ParameterValue? {
            switch type {
            case "int": Int(value).map(ParameterValue.int)
            case "double": Double(value).map(ParameterValue.double)
            case "string": .string(value)
            case "bool": value == "true" ? .bool(true) : value == "false" ? .bool(false) : nil
            default: nil
            }
        }
    }

    /// One proposed setting.
    struct Request: Codable, Equatable {
        var index: Int
        var model: String
        var parameters: [String: Value]
        var rowShare: String
        var resourceShare: String
        var rung: Int?

        init(_ request: TrialRequest) {
            index = request.index
            model = request.model.rawValue
            parameters = request.parameters.mapValues(Value.init)
            rowShare = "\(request.rowShare)"
            resourceShare = "\(request.resourceShare)"
            rung = request.rung
        }

        /// The request, or `nil` when the file was damaged.
        var request: TrialRequest? {
            guard let kind = ModelKind(rawValue: model), let rows = Double(rowShare), let resource = Double(resourceShare) else {
                return nil
            }
            var values: [String: ParameterValue] = [:]
            for (name, value) in parameters {
                guard let parameter = value.parameter else { return nil }
                values[name] = parameter
            }
            return TrialRequest(index: index, model: kind, parameters: values, rowShare: rows, resourceShare: resource, rung: rung)
        }
    }

    /// A batch of requests for one `train` directive's search: task `i` scores `requests[i]`.
    struct Batch: Codable, Equatable {
        /// The `train` directive's model name.
        var directive: String
        var requests: [Request]
    }

    /// What one task hands back: the trial's score or why it failed, and how long it took.
    struct Result: Codable, Equatable {
        var index: Int
        var mean: String?
        var std: String?
        var work: String?
        var fits: Int
        var failure: String?
        var seconds: Double

        init(index: Int, outcome: Swift.Result<TrialScore, TrialFailure>, seconds: Double) {
            self.index = index
            self.seconds = seconds
            switch outcome {
            case .success(let score):
                (mean, std, work, fits) = ("\(score.mean)", "\(score.std)", "\(score.work)", score.fits)
            case .failure(let problem):
                (fits, failure) = (problem.fits, problem.message)
            }
        }

        /// The outcome, or `nil` when the file was damaged.
        var outcome: Swift.Result<TrialScore, TrialFailure>? {
            if let failure { return .failure(TrialFailure(failure, fits: fits)) }
            guard let mean = mean.flatMap(Double.init), let std = std.flatMap(Double.init), let work = work.flatMap(Double.init) else {
                return nil
            }
            return .success(TrialScore(mean: mean, std: std, fits: fits, work: work))
        }
    }

    static func write<Value: Encodable>(_ value: Value, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func read<Value: Decodable>(_ type: Value.Type, from path: String) -> Value? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }
}
