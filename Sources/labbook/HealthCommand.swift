import ArgumentParser
import Foundation

/// `labbook health`: asks a running server's `/ping` (the container image's health check,
/// which has no shell or curl).
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check that a model server answers /ping (exit 0 when it answers 200).",
        discussion: """
            Examples:
              labbook health
              labbook health --port 8080
            """)

    @Option(name: .long, help: "The server's address.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The server's port.")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Give up after this long.", valueName: "seconds"))
    var timeout = 2.0

    func run() throws {
        switch HealthProbe.ping(host: host, port: port, timeout: timeout) {
        case .success(let status) where status == 200:
            return
        case .success(let status):
            Terminal.error("\(host):\(port)/ping answered \(status)")
            throw ExitCode(1)
        case .failure(let problem):
            Terminal.error("\(host):\(port)/ping: \(problem.description)")
            throw ExitCode(1)
        }
    }
}

/// One HTTP/1.0 `GET /ping` over a plain socket; the status code, or why there was none.
enum HealthProbe {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func ping(host: String, port: Int, timeout: Double) -> Result<Int, Problem> {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return .failure(Problem(description: String(cString: strerror(errno)))) }
        defer { close(socket) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            return .failure(Problem(description: "not an IPv4 address: \(host)"))
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return .failure(Problem(description: String(cString: strerror(errno)))) }
        let request = Array("GET /ping HTTP/1.0\r\nHost: \(host)\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else {
            return .failure(Problem(description: "cannot send: \(String(cString: strerror(errno)))"))
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        let got = recv(socket, &buffer, buffer.count, 0)
        guard got > 12 else { return .failure(Problem(description: "no HTTP answer")) }
        // "HTTP/1.1 200 OK": the status is the second word.
        let words = String(decoding: buffer[0..<got], as: UTF8.self).split(separator: " ")
        guard words.count >= 2, let status = Int(words[1]) else { return .failure(Problem(description: "no HTTP status")) }
        return .success(status)
    }
}
