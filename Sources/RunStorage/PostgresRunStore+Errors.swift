import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

extension PostgresRunStore {
    /// A one-line cause for a PostgresNIO or NIO error: the server's message (with its SQLSTATE)
    /// or the socket error, never the password (PSQLError's own description is deliberately
    /// generic, so it is taken apart here, and the password is masked should it appear).
    static func describe(_ error: any Error, url: PostgresStoreURL) -> String {
        var text: String
        switch error {
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                text = message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            } else if let underlying = error.underlying {
                text = describe(underlying, url: url)
            } else {
                text = "\(error.code)"
            }
            if error.code == .serverClosedConnection || error.code == .connectionError, error.underlying == nil {
                text += "; is the server running and reachable?"
            }
        case let error as NIOConnectionError:
            let causes = error.connectionErrors.map { "\($0.error)" } + [error.dnsAError, error.dnsAAAAError].compactMap { $0.map { "\($0)" } }
            text = (causes.first ?? "cannot connect") + "; is the server running and reachable?"
        case let error as PostgresTransactionError:
            text = [error.beginError, error.closureError, error.commitError].compactMap { $0 }.first.map { describe($0, url: url) }
                ?? "the transaction failed"
        default:
            text = "\(error)"
        }
        if let password = url.password, !password.isEmpty {
            text = text.replacingOccurrences(of: password, with: "***")
        }
        return text
    }
}
