import HTTPTypes
import Hummingbird
import NIOCore

/// Builds `application/json` responses from bytes already written.
enum JSONResponse {
    static func make(status: HTTPResponse.Status = .ok, body: [UInt8], extraHeaders: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extraHeaders)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func make(status: HTTPResponse.Status = .ok, _ text: String) -> Response {
        make(status: status, body: Array(text.utf8))
    }
}
