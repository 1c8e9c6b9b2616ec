import HTTPTypes
import Hummingbird
import MLEngine

/// A request the server refuses, as the JSON body a client reads:
/// `{"error_code": "BAD_REQUEST", "reason": "wrong_type", "message": "…", "field": "age", "row": 0}`
/// (MLflow's `error_code` and `message`, plus the field and row at fault).
struct ServerProblem: Error, Sendable {
    /// The header that picks a model on `/invocations` when several are served.
    static let modelHeader = "X-Labbook-Model"

    var status: HTTPResponse.Status
    var code: String
    var message: String
    var reason: String?
    var field: String?
    var row: Int?

    init(status: HTTPResponse.Status, code: String, message: String, reason: String? = nil, field: String? = nil, row: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.reason = reason
        self.field = field
        self.row = row
    }

    /// A row the schema rejects (400).
    init(_ error: RowError) {
        self.init(
            status: .badRequest, code: "BAD_REQUEST", message: error.description, reason: error.reason.rawValue,
            field: error.field, row: error.row)
    }

    static func unknownModel(_ name: String, served: [String]) -> ServerProblem {
        ServerProblem(
            status: .notFound, code: "RESOURCE_DOES_NOT_EXIST",
            message: "no model \"\(name.prefix(100))\" is served here; served: \(served.joined(separator: ", "))")
    }

    /// The response carrying this problem.
    var response: Response {
        var body: [UInt8] = Array(#"{"error_code":"#.utf8)
        ServingJSONWriter.write(code, into: &body)
        if let reason {
            body.append(contentsOf: #","reason":"#.utf8)
            ServingJSONWriter.write(reason, into: &body)
        }
        body.append(contentsOf: #","message":"#.utf8)
        ServingJSONWriter.write(message, into: &body)
        if let field {
            body.append(contentsOf: #","field":"#.utf8)
            ServingJSONWriter.write(field, into: &body)
        }
        if let row { body.append(contentsOf: #","row":\#(row)"#.utf8) }
        body.append(UInt8(ascii: "}"))
        return JSONResponse.make(status: status, body: body)
    }
}
