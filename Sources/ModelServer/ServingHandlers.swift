import Foundation
import HTTPTypes
import Hummingbird
import MLEngine

/// The request handlers: thin wrappers that read the body, hand the rows to the engine's
/// ``RowScorer`` and write the answer, the metrics and the prediction log.
struct ServingHandlers: Sendable {
    let catalog: ModelCatalog
    let metrics: ServingMetrics
    let log: PredictionLog?
    let ids: RequestIDs
    let body: BodyReader

    func predict(_ request: Request, name: String) async -> Response {
        guard let slot = catalog.slots[name] else { return ServerProblem.unknownModel(name, served: catalog.names).response }
        return await score(request, model: slot.current)
    }

    func invocations(_ request: Request) async -> Response {
        let header = request.headers[HTTPField.Name(ServerProblem.modelHeader)!]
        switch catalog.invocationModel(header: header) {
        case .success(let model): return await score(request, model: model)
        case .failure(let problem): return problem.response
        }
    }

    private func score(_ request: Request, model: LoadedModel) async -> Response {
        let parsed: ServingValue
        switch await body.json(request) {
        case .success(let value): parsed = value
        case .failure(let problem):
            if let reason = problem.reason { metrics.rejected(reason: reason) }
            return problem.response
        }
        let scored: ScoredRows
        let input: ScoringInput
        do {
            input = try ScoringInput(body: parsed, featureNames: model.scorer.encoder.featureNames)
            scored = try model.scorer.score(input)
        } catch {
            metrics.rejected(reason: error.reason.rawValue)
            return ServerProblem(error).response
        }
        let id = ids.next()
        countPredictions(scored, model: model)
        log?.append(ScoringResponse.logLines(scored, input: input, model: model, id: id, time: Date().timeIntervalSince1970))
        return JSONResponse.make(body: ScoringResponse.body(scored, model: model, id: id), extraHeaders: [.init("X-Request-Id")!: id])
    }

    private func countPredictions(_ scored: ScoredRows, model: LoadedModel) {
        guard scored.task.isClassification else {
            metrics.predicted(model: model.name, label: "(value)", count: scored.rows)
            return
        }
        var counts = [Int](repeating: 0, count: scored.classes.count)
        for row in 0..<scored.rows {
            if let index = scored.classIndex(ofRow: row) { counts[index] += 1 }
        }
        for (index, count) in counts.enumerated() where count > 0 {
            metrics.predicted(model: model.name, label: scored.classes[index], count: count)
        }
    }

    /// `{"id": "…", "label": …}` (and optionally `"row"`): appends a feedback line to the log.
    func feedback(_ request: Request, name: String) async -> Response {
        guard let slot = catalog.slots[name] else { return ServerProblem.unknownModel(name, served: catalog.names).response }
        let parsed: ServingValue
        switch await body.json(request) {
        case .success(let value): parsed = value
        case .failure(let problem): return problem.response
        }
        guard let object = parsed.object else {
            return ServerProblem(status: .badRequest, code: "BAD_REQUEST", message: #"expected {"id": "…", "label": …}"#, reason: "bad_shape").response
        }
        guard let id = object["id"]?.string, !id.isEmpty else {
            return ServerProblem(status: .badRequest, code: "BAD_REQUEST", message: "`id` must be the request id a prediction answered with", reason: "missing_field", field: "id").response
        }
        guard let label = object["label"], label != .null else {
            return ServerProblem(status: .badRequest, code: "BAD_REQUEST", message: "`label` is the true outcome and is required", reason: "missing_field", field: "label").response
        }
        switch label {
        case .string, .number, .bool: break
        default:
            return ServerProblem(status: .badRequest, code: "BAD_REQUEST", message: "`label` must be a string, number or boolean", reason: "wrong_type", field: "label").response
        }
        var row: Int?
        if let value = object["row"] {
            guard case .number(let number) = value, number >= 0, number == number.rounded(), number < 1e9 else {
                return ServerProblem(status: .badRequest, code: "BAD_REQUEST", message: "`row` must be a row index (0, 1, …)", reason: "wrong_type", field: "row").response
            }
            row = Int(number)
        }
        guard let log else {
            return ServerProblem(status: .conflict, code: "NO_PREDICTION_LOG", message: "this server keeps no prediction log; start it with --log DIR").response
        }
        let model = slot.current
        var line: [UInt8] = Array(#"{"type":"feedback","id":"#.utf8)
        ServingJSONWriter.write(id, into: &line)
        if let row { line.append(contentsOf: #","row":\#(row)"#.utf8) }
        line.append(contentsOf: #","time":\#(Date().timeIntervalSince1970),"model":"#.utf8)
        ServingJSONWriter.write(model.name, into: &line)
        line.append(contentsOf: #","version":\#(model.version),"label":"#.utf8)
        ServingJSONWriter.write(label, into: &line)
        line.append(contentsOf: "}\n".utf8)
        log.append(line)
        var answer: [UInt8] = Array(#"{"recorded":true,"id":"#.utf8)
        ServingJSONWriter.write(id, into: &answer)
        answer.append(UInt8(ascii: "}"))
        return JSONResponse.make(status: .accepted, body: answer)
    }
}
