import Foundation
import Testing
@testable import MLEngine

@Suite("The request-body JSON parser and writer")
struct ServingJSONTests {
    static func parse(_ text: String) throws -> ServingValue { try ServingJSON.parse(Array(text.utf8)) }

    @Test("parses every JSON value, Python's NaN and Infinity, and escapes")
    func values() throws {
        let value = try Self.parse(#" {"a": [1, -2.5e3, 0.1, true, false, null, "x\"\u00e9\ud83d\ude00\n"], "b": {}, "c": NaN, "d": -Infinity} "#)
        let object = try #require(value.object)
        #expect(object.keys == ["a", "b", "c", "d"])
        #expect(object["a"] == .array([.number(1), .number(-2500), .number(0.1), .bool(true), .bool(false), .null, .string("x\"é😀\n")]))
        #expect(object["b"] == .object(ServingObject()))
        if case .number(let nan)? = object["c"] { #expect(nan.isNaN) } else { Issue.record("NaN") }
        #expect(object["d"] == .number(-.infinity))
    }

    @Test("numbers read exactly as the standard library reads them")
    func numbers() throws {
        for text in ["0", "-0", "123456789012345", "1234567890123456789", "0.1", "1e-320", "2.2250738585072014e-308", "39.99999999999999"] {
            #expect(try Self.parse(text) == .number(Double(text) ?? 0), "\(text)")
        }
    }

    @Test("malformed text is refused with the byte where it stops", arguments: [
        "", "{", "[1,]", #"{"a" 1}"#, "01", "1.", "tru", #""abc"#, "[1] x", #"{"a":1,}"#, "-", "\"\u{01}\"", #""\q""#,
    ])
    func malformed(text: String) {
        #expect(throws: ServingJSONError.self) { try Self.parse(text) }
    }

    @Test("deep nesting is refused, not recursed into")
    func depth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: ServingJSONError.self) { try Self.parse(deep) }
    }

    @Test("the writer round-trips values and prints doubles exactly")
    func writer() throws {
        let value = ServingValue.object(ServingObject(
            keys: ["p", "s", "n", "i"], values: [.number(0.1234567890123456), .string("a\"b\\c\n\u{1}"), .null, .number(-3)]))
        var bytes: [UInt8] = []
        ServingJSONWriter.write(value, into: &bytes)
        #expect(try ServingJSON.parse(bytes) == value)
    }
}
