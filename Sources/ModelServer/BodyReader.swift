import Foundation
import HTTPTypes
import Hummingbird
import MLEngine
import NIOCore

/// Reads and parses a JSON request body, refusing the wrong content type (415), an
/// oversized body (413) and text that is not JSON (400).
struct BodyReader: Sendable {
    let maxBytes: Int

    func json(_ request: Request) async -> Result<ServingValue, ServerProblem> {
        guard Self.isJSON(request.headers[.contentType]) else {
            return .failure(ServerProblem(
                status: .unsupportedMediaType, code: "UNSUPPORTED_MEDIA_TYPE",
                message: "send the body as application/json (got \(request.headers[.contentType].map { "\"\($0.prefix(60))\"" } ?? "no Content-Type"))"))
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBytes { return .failure(tooLarge) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            return .failure(tooLarge)
        } catch {
            return .failure(ServerProblem(status: .badRequest, code: "BAD_REQUEST", message: "the body could not be read"))
        }
        let parsed: Result<ServingValue, ServingJSONError> = buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(ServingJSONError) in try ServingJSON.parse(bytes) }
        }
        return parsed.mapError { ServerProblem(status: .badRequest, code: "MALFORMED_REQUEST", message: $0.description, reason: "malformed_json") }
    }

    private var tooLarge: ServerProblem {
        ServerProblem(status: .contentTooLarge, code: "REQUEST_TOO_LARGE", message: "the body is larger than the limit of \(maxBytes) bytes")
    }

    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        if contentType.hasPrefix("application/json") { return true }
        let media = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return media == "application/json"
    }
}
