import Foundation
import Hummingbird
import MLEngine

/// The routes, registered on a router built once at start.
enum ServingRoutes {
    static func register(on router: Router<BasicRequestContext>, handlers: ServingHandlers, metrics: ServingMetrics) {
        let catalog = handlers.catalog
        router.post("/v1/models/:name/predict") { request, context in
            await handlers.predict(request, name: context.parameters.get("name") ?? "")
        }
        router.post("/v1/models/:name/feedback") { request, context in
            await handlers.feedback(request, name: context.parameters.get("name") ?? "")
        }
        router.get("/v1/models/:name") { _, context in
            let name = context.parameters.get("name") ?? ""
            guard let slot = catalog.slots[name] else { return ServerProblem.unknownModel(name, served: catalog.names).response }
            return JSONResponse.make(body: slot.current.manifestJSON)
        }
        router.get("/v1/models") { _, _ in
            JSONResponse.make(body: modelList(catalog, key: "models"))
        }
        router.post("/invocations") { request, _ in
            await handlers.invocations(request)
        }
        router.get("/ping") { _, _ in
            JSONResponse.make(#"{"status":"ok"}"#)
        }
        router.get("/health") { _, _ in
            var body: [UInt8] = Array(#"{"status":"ok","#.utf8)
            body.append(contentsOf: modelList(catalog, key: "models").dropFirst())
            return JSONResponse.make(body: body)
        }
        router.get("/version") { _, _ in
            var body: [UInt8] = Array(#"{"labbook":"#.utf8)
            ServingJSONWriter.write(EngineInfo.version, into: &body)
            body.append(contentsOf: #","swift":"#.utf8)
            ServingJSONWriter.write(EngineInfo.swiftVersion, into: &body)
            body.append(contentsOf: #","platform":"#.utf8)
            ServingJSONWriter.write(EngineInfo.os + "-" + EngineInfo.arch, into: &body)
            body.append(UInt8(ascii: ","))
            body.append(contentsOf: modelList(catalog, key: "models").dropFirst())
            return JSONResponse.make(body: body)
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }

    /// `{"KEY":[{"name","version","reference"}, …]}`.
    static func modelList(_ catalog: ModelCatalog, key: String) -> [UInt8] {
        var body: [UInt8] = Array("{\"\(key)\":[".utf8)
        for (index, name) in catalog.names.enumerated() {
            guard let slot = catalog.slots[name] else { continue }
            if index > 0 { body.append(UInt8(ascii: ",")) }
            let current = slot.current
            body.append(contentsOf: current.identityJSON.dropLast())
            body.append(contentsOf: #","reference":"#.utf8)
            ServingJSONWriter.write(slot.reference.description, into: &body)
            body.append(UInt8(ascii: "}"))
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }
}
