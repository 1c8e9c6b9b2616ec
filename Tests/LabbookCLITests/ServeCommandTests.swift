import Foundation
import MLEngine
import ModelServer
import Testing
@testable import labbook

@Suite("labbook serve from a packaged build context")
struct ServeCommandTests {
    @Test("the Containerfile's exact CMD arguments start the server on the packaged bundle, and labbook health sees it")
    func containerCommand() async throws {
        let fixture = try ServingFixture()
        defer { fixture.remove() }
        let context = BuildContext(name: "income", version: 1, alias: "production")
        let out = fixture.root + "/package"
        try context.write(to: out, from: fixture.registry)
        // The CMD in the Containerfile is exactly `labbook` + serveArguments(registry: /srv/labbook/registry).
        let cmd = "CMD [" + context.command.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        #expect(context.containerfile.contains(cmd))
        #expect(context.command == ["labbook"] + context.serveArguments(registry: BuildContext.registryInImage))
        // The same arguments with the image's registry path mapped to the packaged folder.
        let arguments = context.serveArguments(registry: out + "/registry")
        #expect(arguments.first == "serve")
        let command = try ServeCommand.parse(Array(arguments.dropFirst()))
        #expect(command.models == ["income@production"])
        #expect(command.host == "0.0.0.0" && command.port == 8080)
        var configuration = try command.serverConfiguration()
        #expect(configuration.registry.root == out + "/registry")
        // Port 8080 may be taken on a shared machine: bind any free port, otherwise unchanged.
        configuration.port = 0
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        configuration.onServerRunning = { port in continuation.yield(port) }
        let server = Task { try await runServer(configuration: configuration) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        guard case .success(let status) = HealthProbe.ping(host: "127.0.0.1", port: port, timeout: 30) else {
            Issue.record("no answer from /ping")
            server.cancel()
            return
        }
        #expect(status == 200)
        // `labbook health --port N` is the image's HEALTHCHECK.
        try HealthCommand.parse(["--port", String(port), "--timeout", "30"]).run()
        server.cancel()
        _ = await server.result
        #expect(throws: (any Error).self) { try HealthCommand.parse(["--port", String(port), "--timeout", "1"]).run() }
    }

    @Test("serve's options parse, with 127.0.0.1 by default, and bad values are refused")
    func options() throws {
        let command = try ServeCommand.parse(["income@production", "churn@3", "--registry", "/r", "--log", "logs", "--unseen-category", "missing"])
        #expect(command.host == "127.0.0.1" && command.port == 8080)
        let configuration = try command.serverConfiguration()
        #expect(configuration.models.map(\.description) == ["income@production", "churn@3"])
        #expect(configuration.logDirectory == "logs" && configuration.unseenCategory == .treatAsMissing)
        #expect(throws: (any Error).self) { try ServeCommand.parse(["income", "--unseen-category", "ignore"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse([]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["income", "--port", "70000"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["../x"]).serverConfiguration() }
    }
}
